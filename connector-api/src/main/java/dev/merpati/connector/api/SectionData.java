package dev.merpati.connector.api;

/**
 * Where a FETCH section's octets are: a range of the stored message, streamed by {@link
 * MailboxListener#read}, or (for HEADER.FIELDS, which filters) the octets themselves.
 *
 * @param octets the filtered header, or {@code null} when the section is the range
 * @param decoding for BINARY sections: how the range decodes, else {@code null}
 */
public record SectionData(long offset, long length, byte[] octets, Decoding decoding) {

    public SectionData(long offset, long length, byte[] octets) {
        this(offset, length, octets, null);
    }

    /**
     * How a BINARY section's stored octets decode (see {@link TransferDecoder}).
     *
     * @param encoding the part's Content-Transfer-Encoding as written, lower-cased ("binary" when none
     *     applies)
     * @param length the decoded size in octets, or -1 when the encoding is unknown (UNKNOWN-CTE)
     * @param containsNul whether the decoded octets contain NUL, so they must go as a literal8
     */
    public record Decoding(String encoding, long length, boolean containsNul) {

        public boolean known() {
            return length >= 0;
        }
    }

    /** A BINARY section: the stored range, decoded on the way out. */
    public static SectionData decoded(long offset, long length, Decoding decoding) {
        return new SectionData(offset, length, null, decoding);
    }

    public static SectionData range(long offset, long length) {
        return new SectionData(offset, length, null);
    }

    public static SectionData of(byte[] octets) {
        return new SectionData(0, octets.length, octets);
    }

    /** A section the message does not have: sent as an empty string. */
    public static SectionData empty() {
        return new SectionData(0, 0, new byte[0]);
    }
}
