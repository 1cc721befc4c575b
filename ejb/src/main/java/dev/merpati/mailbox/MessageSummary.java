package dev.merpati.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A line of a message list, from what was kept when the message was stored (no body is read).
 *
 * @param id the message's id in the store (unique across folders; a copy has another)
 * @param keywords $Forwarded, $Junk, labels: as first written
 * @param from the From field decoded, "" when absent
 * @param to the To field decoded, "" when absent (or not kept for old messages)
 * @param date the Date field when it parses, else the internal date
 */
public record MessageSummary(
        long id,
        long uid,
        Set<Flag> flags,
        List<String> keywords,
        Instant internalDate,
        long size,
        String from,
        String to,
        String subject,
        Instant date,
        boolean hasAttachment) {

    public MessageSummary {
        flags = Set.copyOf(flags);
        keywords = List.copyOf(keywords);
    }

    public boolean seen() {
        return flags.contains(Flag.SEEN);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public boolean forwarded() {
        return keywords.stream().anyMatch(Flag.FORWARDED::equalsIgnoreCase);
    }
}
