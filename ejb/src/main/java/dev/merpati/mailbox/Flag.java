package dev.merpati.mailbox;

import java.util.EnumSet;
import java.util.Set;

/** The system flags every message has (RFC 3501 §2.3.2), as every front end shows them. */
public enum Flag {
    SEEN,
    ANSWERED,
    FLAGGED,
    DELETED,
    DRAFT;

    /** The keyword mail clients set on a message that was forwarded (RFC 5788 registry). */
    public static final String FORWARDED = "$Forwarded";

    static Set<Flag> of(boolean seen, boolean answered, boolean flagged, boolean deleted, boolean draft) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (seen) {
            flags.add(SEEN);
        }
        if (answered) {
            flags.add(ANSWERED);
        }
        if (flagged) {
            flags.add(FLAGGED);
        }
        if (deleted) {
            flags.add(DELETED);
        }
        if (draft) {
            flags.add(DRAFT);
        }
        return flags;
    }
}
