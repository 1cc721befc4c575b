package dev.merpati.mailbox;

/** The columns of a mailbox message that SELECT needs, read without building the whole entity. */
record FlagRow(
        long id,
        long uid,
        long modseq,
        boolean seen,
        boolean answered,
        boolean flagged,
        boolean deleted,
        boolean draft) {}
