package dev.merpati.mailbox;

/**
 * A folder of an account with its counters.
 *
 * @param path the full name, the hierarchy delimited by {@link #DELIMITER}; INBOX is always "INBOX"
 * @param specialUse what the folder is for, or {@code null}
 * @param size the octets of all its messages
 * @param uidValidity with {@code uidNext} and {@code highestModseq}: what a client that caches the
 *     folder needs to resynchronise (RFC 3501, RFC 7162)
 */
public record Folder(
        long id,
        String path,
        SpecialUse specialUse,
        boolean subscribed,
        long messages,
        long unseen,
        long size,
        long uidValidity,
        long uidNext,
        long highestModseq) {

    public static final char DELIMITER = Mailbox.DELIMITER;
    public static final String INBOX = Mailbox.INBOX;

    /** The last element of the path: what a folder tree shows. */
    public String name() {
        return path.substring(path.lastIndexOf(DELIMITER) + 1);
    }

    /** The path of the folder this one is inside, or {@code null} at the top. */
    public String parentPath() {
        int slash = path.lastIndexOf(DELIMITER);
        return slash < 0 ? null : path.substring(0, slash);
    }
}
