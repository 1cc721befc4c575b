package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.SectionData;
import dev.merpati.connector.api.TransferDecoder;
import dev.merpati.mailbox.MimeParts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * FETCH BINARY[part] (RFC 3516 §4.2): finds a leaf part's Content-Transfer-Encoding in its stored
 * header and decodes its body once, in chunks, to learn the decoded size and whether it holds NUL;
 * the connector decodes it again while sending. The message, a multipart or a message/rfc822 part
 * is sent as stored (their encoding can only be 7bit, 8bit or binary).
 */
final class BinaryParts {

    /** Reads up to {@code length} octets of the stored message from {@code offset}. */
    interface Reader {
        byte[] read(long offset, int length);
    }

    static final String IDENTITY = "binary";
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_HEADER = 64 * 1024;

    private BinaryParts() {}

    /** The section, or {@link SectionData#empty()} when the message has no such part. */
    static SectionData section(MimeParts.Node root, List<Integer> path, Reader reader) {
        MimeParts.Node entity = SectionRanges.entity(root, path);
        SectionRanges.Range range =
                SectionRanges.resolve(root, new FetchRequest.Section(path, FetchRequest.Kind.BINARY, List.of()));
        if (entity == null || range == null) {
            return SectionData.empty();
        }
        String encoding = IDENTITY;
        if (!path.isEmpty() && entity.kind() == 'L') {
            byte[] header = readFully(
                    reader, entity.headerStart(), Math.min(entity.bodyStart() - entity.headerStart(), MAX_HEADER));
            encoding = encoding(header);
        }
        TransferDecoder decoder = TransferDecoder.forEncoding(encoding);
        if (decoder == null) {
            return SectionData.decoded(range.offset(), range.length(), new SectionData.Decoding(encoding, -1, false));
        }
        long decoded = 0;
        boolean nul = false;
        long read = 0;
        while (read < range.length()) {
            byte[] chunk = reader.read(range.offset() + read, (int) Math.min(CHUNK, range.length() - read));
            if (chunk.length == 0) {
                break;
            }
            read += chunk.length;
            byte[] out = decoder.decode(chunk, 0, chunk.length);
            decoded += out.length;
            nul |= containsNul(out);
        }
        byte[] rest = decoder.finish();
        decoded += rest.length;
        nul |= containsNul(rest);
        return SectionData.decoded(range.offset(), read, new SectionData.Decoding(encoding, decoded, nul));
    }

    /** The Content-Transfer-Encoding of a header, lower-cased and without comments; "7bit" if none. */
    static String encoding(byte[] header) {
        String fields = new String(
                HeaderFieldFilter.filter(header, List.of("Content-Transfer-Encoding"), false),
                StandardCharsets.ISO_8859_1);
        int colon = fields.indexOf(':');
        if (colon < 0) {
            return "7bit";
        }
        String value = fields.substring(colon + 1).replaceAll("\\([^)]*\\)", "").trim();
        int end = 0;
        while (end < value.length() && value.charAt(end) > ' ' && value.charAt(end) != ';') {
            end++;
        }
        String name = value.substring(0, end).toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "7bit" : name;
    }

    /** A reader may answer with fewer octets than asked (storage chunks): read until done. */
    private static byte[] readFully(Reader reader, long offset, long length) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) length);
        while (out.size() < length) {
            byte[] chunk = reader.read(offset + out.size(), (int) (length - out.size()));
            if (chunk.length == 0) {
                break;
            }
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    private static boolean containsNul(byte[] octets) {
        for (byte b : octets) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
