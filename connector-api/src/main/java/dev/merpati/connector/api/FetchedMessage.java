package dev.merpati.connector.api;

import java.time.Instant;
import java.util.List;

/**
 * One message of a FETCH.
 *
 * @param envelope the ENVELOPE, computed once when the message was stored
 * @param body the BODY structure (without extension data), likewise
 * @param bodyStructure the BODYSTRUCTURE (with extension data), likewise
 * @param sections one per {@link FetchRequest#sections()} entry, in the same order
 */
public record FetchedMessage(
        long messageId,
        MessageFlags flags,
        Instant internalDate,
        long size,
        String envelope,
        String body,
        String bodyStructure,
        List<SectionData> sections) {

    public FetchedMessage {
        sections = List.copyOf(sections);
    }
}
