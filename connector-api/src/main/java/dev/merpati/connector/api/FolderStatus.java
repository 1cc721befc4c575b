package dev.merpati.connector.api;

/** The counters STATUS and SELECT report. */
public record FolderStatus(
        long folderId,
        String name,
        long messages,
        long recent,
        long unseen,
        long uidvalidity,
        long uidnext,
        long highestModseq,
        long size) {}
