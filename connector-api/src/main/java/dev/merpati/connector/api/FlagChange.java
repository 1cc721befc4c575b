package dev.merpati.connector.api;

import java.util.List;

/**
 * A STORE: FLAGS (replace), +FLAGS (add) or -FLAGS (remove).
 *
 * @param unchangedSince CONDSTORE's UNCHANGEDSINCE, or -1
 */
public record FlagChange(Mode mode, List<String> flags, long unchangedSince) {

    public FlagChange {
        flags = List.copyOf(flags);
    }

    public enum Mode {
        REPLACE,
        ADD,
        REMOVE
    }
}
