package dev.merpati.mailbox;

import java.util.List;
import java.util.Set;

/** A message's flags after a change, with the MODSEQ of that change. */
public record MessageFlagState(long uid, long modseq, Set<Flag> flags, List<String> keywords) {

    public MessageFlagState {
        flags = Set.copyOf(flags);
        keywords = List.copyOf(keywords);
    }
}
