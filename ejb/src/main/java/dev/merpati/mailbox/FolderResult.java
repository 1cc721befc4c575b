package dev.merpati.mailbox;

/** The outcome of creating, renaming, deleting or (un)subscribing a folder. */
public enum FolderResult {
    DONE,
    /** No folder has that name. */
    NO_SUCH_FOLDER,
    /** A folder of that name exists already. */
    ALREADY_EXISTS,
    /** The name is not acceptable, or the change is not (INBOX cannot be deleted, a folder not moved into itself). */
    NOT_ALLOWED
}
