package dev.merpati.connector.api;

import java.util.List;

/**
 * A message's UID, flags and MODSEQ.
 *
 * @param flags system flags with their backslash (\Seen, \Answered, \Flagged, \Deleted, \Draft)
 *     followed by keywords
 */
public record MessageFlags(long uid, long modseq, List<String> flags) {

    public MessageFlags {
        flags = List.copyOf(flags);
    }
}
