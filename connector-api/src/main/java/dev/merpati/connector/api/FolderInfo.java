package dev.merpati.connector.api;

/**
 * A folder of an account, as LIST shows it, or a subscribed name that has no folder.
 *
 * @param name the full name, hierarchy delimited by '/'
 * @param specialUse the RFC 6154 attribute without backslash (Drafts, Sent, Trash, Junk, Archive) or
 *     {@code null}
 * @param exists {@code false} for a subscription kept after its folder was deleted, or made before
 *     the folder exists (RFC 3501 §6.3.6, §6.3.9)
 */
public record FolderInfo(String name, String specialUse, boolean subscribed, boolean exists) {

    /** An existing folder. */
    public FolderInfo(String name, String specialUse, boolean subscribed) {
        this(name, specialUse, subscribed, true);
    }

    /** A subscribed name without a folder. */
    public static FolderInfo subscriptionOnly(String name) {
        return new FolderInfo(name, null, true, false);
    }
}
