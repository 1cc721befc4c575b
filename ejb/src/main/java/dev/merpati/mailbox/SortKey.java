package dev.merpati.mailbox;

/** What a message list is ordered by; ties are broken by UID. */
public enum SortKey {
    /** The Date field (the internal date when it has none). */
    DATE,
    /** When the message arrived in the folder. */
    ARRIVAL,
    FROM,
    TO,
    SUBJECT,
    SIZE,
    UID
}
