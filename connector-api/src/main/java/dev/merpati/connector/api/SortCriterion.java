package dev.merpati.connector.api;

/** One SORT key (RFC 5256 §3), optionally REVERSE. */
public record SortCriterion(Key key, boolean reverse) {

    public enum Key {
        ARRIVAL,
        CC,
        DATE,
        FROM,
        SIZE,
        SUBJECT,
        TO
    }
}
