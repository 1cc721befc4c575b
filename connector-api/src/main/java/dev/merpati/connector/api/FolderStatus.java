package dev.merpati.connector.api;

/**
 * The counters STATUS and SELECT report.
 *
 * @param size the total octets of the folder's messages (STATUS SIZE, RFC 9051 §6.3.11)
 * @param deleted the number of messages with \Deleted (STATUS DELETED, RFC 9051 §6.3.11)
 */
public record FolderStatus(
        long folderId,
        String name,
        long messages,
        long recent,
        long unseen,
        long uidvalidity,
        long uidnext,
        long highestModseq,
        long size,
        long deleted) {}
