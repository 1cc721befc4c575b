package dev.merpati.mailbox;

import java.util.Arrays;

/** What a folder is for (RFC 6154), so every front end finds the Sent or Trash folder by role, not by name. */
public enum SpecialUse {
    DRAFTS("Drafts"),
    SENT("Sent"),
    TRASH("Trash"),
    JUNK("Junk"),
    ARCHIVE("Archive");

    private final String attribute;

    SpecialUse(String attribute) {
        this.attribute = attribute;
    }

    /** The RFC 6154 attribute without its backslash, as stored. */
    public String attribute() {
        return attribute;
    }

    /** The use stored as {@code attribute}, or {@code null} for none (or one not known). */
    static SpecialUse of(String attribute) {
        return attribute == null
                ? null
                : Arrays.stream(values())
                        .filter(use -> use.attribute.equalsIgnoreCase(attribute))
                        .findFirst()
                        .orElse(null);
    }
}
