package dev.merpati.connector.api;

import java.util.List;

/**
 * What a FETCH needs from the store besides flags, dates, sizes, ENVELOPE and BODYSTRUCTURE (which
 * always come, being stored ready to send).
 *
 * @param sections the BODY[...] sections asked for, in order; the answer has one {@link SectionData}
 *     per section
 * @param markSeen whether the messages are to be marked \Seen (a non-PEEK BODY[...] or RFC822)
 */
public record FetchRequest(List<Section> sections, boolean markSeen) {

    public FetchRequest {
        sections = List.copyOf(sections);
    }

    /**
     * One BODY[section] (RFC 3501 §6.4.5).
     *
     * @param part the part number path, empty for the whole message ({@code [1, 2]} for "1.2")
     * @param fields the header field names of HEADER.FIELDS (.NOT), else empty
     */
    public record Section(List<Integer> part, Kind kind, List<String> fields) {
        public Section {
            part = List.copyOf(part);
            fields = List.copyOf(fields);
        }
    }

    public enum Kind {
        /** The whole part (or message): "BODY[]", "BODY[1.2]". */
        CONTENT,
        HEADER,
        HEADER_FIELDS,
        HEADER_FIELDS_NOT,
        TEXT,
        MIME,
        /**
         * BINARY[part] (RFC 3516, RFC 9051 §6.4.5): a leaf part's body with its
         * Content-Transfer-Encoding removed; the whole message, a multipart or a message/rfc822 part
         * as stored. Answered with a {@link SectionData.Decoding}.
         */
        BINARY
    }
}
