package dev.merpati.mailbox.imap;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** BODY[HEADER.FIELDS (...)] and HEADER.FIELDS.NOT: the header lines kept, then the blank line. */
final class HeaderFieldFilter {

    private HeaderFieldFilter() {}

    static byte[] filter(byte[] header, List<String> fields, boolean not) {
        Set<String> names = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean keep = false;
        int start = 0;
        while (start < header.length) {
            int end = start;
            while (end < header.length && header[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, header.length);
            boolean blank = end - start == 0 || (end - start == 1 && header[start] == '\r');
            if (blank) {
                break;
            }
            boolean continuation = header[start] == ' ' || header[start] == '\t';
            if (!continuation) {
                int colon = start;
                while (colon < end && header[colon] != ':') {
                    colon++;
                }
                String name = new String(header, start, colon - start, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .strip()
                        .toLowerCase(Locale.ROOT);
                keep = colon < end && names.contains(name) != not;
            }
            if (keep) {
                out.write(header, start, next - start);
                if (header[next - 1] != '\n') {
                    out.write('\r');
                    out.write('\n');
                }
            }
            start = next;
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }
}
