package dev.merpati.connector.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A SEARCH criterion (RFC 3501 §6.4.4) as a tree. Sequence sets were turned into {@link Uids} by
 * the connector; strings are matched case-insensitively as substrings.
 */
public sealed interface SearchKey {

    /** All of the keys (the top level of a SEARCH, and parenthesised lists). */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {}

    record Not(SearchKey key) implements SearchKey {}

    /** ALL. */
    record All() implements SearchKey {}

    /** A message set: the UIDs in it. */
    record Uids(List<Long> uids) implements SearchKey {
        public Uids {
            uids = List.copyOf(uids);
        }
    }

    /** A flag is set (SEEN, ANSWERED, ..., KEYWORD); the negated keys are {@link Not} of this. */
    record Flag(String flag) implements SearchKey {}

    /**
     * NEW, RECENT, OLD. The IMAP connector does not send it: \Recent belongs to the session, which
     * turns these keys into {@link Uids} of its \Recent messages.
     */
    record Recent(boolean recent) implements SearchKey {}

    /** LARGER n (larger = true) or SMALLER n. */
    record Size(long octets, boolean larger) implements SearchKey {}

    /** BEFORE/ON/SINCE on the internal date, SENTBEFORE/SENTON/SENTSINCE on the Date header. */
    record Date(Field field, Comparison comparison, LocalDate date) implements SearchKey {
        public enum Field {
            INTERNAL,
            SENT
        }

        public enum Comparison {
            BEFORE,
            ON,
            SINCE
        }
    }

    /** HEADER name value; FROM, TO, CC, BCC, SUBJECT are header keys too. */
    record Header(String name, String value) implements SearchKey {}

    /** BODY (text only) or TEXT (header and text). */
    record Text(String value, boolean includeHeader) implements SearchKey {}

    /** MODSEQ n (CONDSTORE). */
    record ModseqAtLeast(long modseq) implements SearchKey {}
}
