package dev.merpati.mailbox;

/**
 * A folder as its own row has it, without counting its messages: what a folder list shows, or a
 * front end needs that only names the folder by id.
 *
 * @param path the full name, the hierarchy delimited by {@link Folder#DELIMITER}
 * @param specialUse what the folder is for, or {@code null}
 */
public record FolderEntry(
        long id,
        String path,
        SpecialUse specialUse,
        boolean subscribed,
        long uidValidity,
        long uidNext,
        long highestModseq) {}
