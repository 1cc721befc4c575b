package dev.merpati.mailbox;

/** What storing a message in a folder did, and the message's UID when it was stored. */
public record AppendResult(Status status, long uidValidity, long uid) {

    public enum Status {
        DONE,
        NO_SUCH_FOLDER,
        /** The message would take the account over its quota: nothing was stored. */
        OVER_QUOTA
    }

    static AppendResult of(Status status) {
        return new AppendResult(status, 0, 0);
    }
}
