package dev.merpati.connector.api;

/**
 * Where a FETCH section's octets are: a range of the stored message, streamed by {@link
 * MailboxListener#read}, or (for HEADER.FIELDS, which filters) the octets themselves.
 *
 * @param octets the filtered header, or {@code null} when the section is the range
 */
public record SectionData(long offset, long length, byte[] octets) {

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
