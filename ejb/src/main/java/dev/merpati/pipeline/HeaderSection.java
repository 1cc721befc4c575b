package dev.merpati.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header section at the start of a message as received (RFC 5322 §2.2): its fields with their
 * byte ranges (continuation lines included), found without decoding anything.
 */
public final class HeaderSection {

    /** One header field: {@code [start, end)} covers its lines including their line ends. */
    public record Field(String name, int start, int end) {}

    private final byte[] head;
    private final List<Field> fields;
    private final int end;
    private final boolean complete;

    private HeaderSection(byte[] head, List<Field> fields, int end, boolean complete) {
        this.head = head;
        this.fields = fields;
        this.end = end;
        this.complete = complete;
    }

    /**
     * @param head the start of a message
     * @param wholeMessage whether {@code head} is the whole message (then a header section without
     *     an empty line ends at its end)
     */
    public static HeaderSection parse(byte[] head, boolean wholeMessage) {
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        int fieldStart = -1;
        String fieldName = null;
        while (pos < head.length) {
            int lineEnd = indexOf(head, (byte) '\n', pos);
            int next = lineEnd < 0 ? head.length : lineEnd + 1;
            int contentEnd =
                    lineEnd < 0 ? head.length : (lineEnd > pos && head[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd);
            if (lineEnd < 0 && !wholeMessage) {
                break; // a line cut off by the end of head: the section goes on beyond it
            }
            if (contentEnd == pos) { // the empty line
                if (fieldName != null) {
                    fields.add(new Field(fieldName, fieldStart, pos));
                }
                return new HeaderSection(head, fields, pos, true);
            }
            boolean continuation = head[pos] == ' ' || head[pos] == '\t';
            if (!continuation) {
                if (fieldName != null) {
                    fields.add(new Field(fieldName, fieldStart, pos));
                }
                int colon = indexOf(head, (byte) ':', pos);
                fieldStart = pos;
                fieldName = colon < 0 || colon > contentEnd
                        ? ""
                        : new String(head, pos, colon - pos, StandardCharsets.ISO_8859_1).strip();
            }
            pos = next;
        }
        if (fieldName != null && fieldStart < pos) {
            fields.add(new Field(fieldName, fieldStart, pos));
        }
        return new HeaderSection(head, fields, pos, wholeMessage);
    }

    /** Whether the section ended within the bytes given. */
    public boolean complete() {
        return complete;
    }

    /** Bytes of the header section (without the empty line), as far as seen. */
    public int size() {
        return end;
    }

    public List<Field> fields() {
        return fields;
    }

    public int count(String... names) {
        int n = 0;
        for (Field f : fields) {
            for (String name : names) {
                if (f.name().equalsIgnoreCase(name)) {
                    n++;
                }
            }
        }
        return n;
    }

    public boolean has(String name) {
        return count(name) > 0;
    }

    /** The header section without the named fields, or null if it has none of them. */
    public byte[] without(String name) {
        if (!has(name)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        int copied = 0;
        for (Field f : fields) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                out.write(head, copied, f.start() - copied);
                copied = f.end();
            }
        }
        out.write(head, copied, end - copied);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
