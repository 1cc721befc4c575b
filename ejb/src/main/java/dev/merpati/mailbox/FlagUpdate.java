package dev.merpati.mailbox;

import java.util.List;
import java.util.Set;

/**
 * A change of flags for some messages: flags and keywords added, removed, or set to exactly these.
 *
 * @param unchangedSince apply only to messages not changed after this MODSEQ (RFC 7162
 *     UNCHANGEDSINCE), or -1 for all
 */
public record FlagUpdate(Mode mode, Set<Flag> flags, List<String> keywords, long unchangedSince) {

    public enum Mode {
        ADD,
        REMOVE,
        REPLACE
    }

    public FlagUpdate {
        flags = Set.copyOf(flags);
        keywords = List.copyOf(keywords);
    }

    public static FlagUpdate add(Flag... flags) {
        return new FlagUpdate(Mode.ADD, Set.of(flags), List.of(), -1);
    }

    public static FlagUpdate remove(Flag... flags) {
        return new FlagUpdate(Mode.REMOVE, Set.of(flags), List.of(), -1);
    }

    public static FlagUpdate addKeyword(String keyword) {
        return new FlagUpdate(Mode.ADD, Set.of(), List.of(keyword), -1);
    }
}
