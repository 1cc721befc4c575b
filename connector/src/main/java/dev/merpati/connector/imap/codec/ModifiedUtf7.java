package dev.merpati.connector.imap.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Mailbox names on the wire (RFC 3501 §5.1.3): printable US-ASCII stands for itself except "&",
 * written "&-"; other characters are UTF-16 in modified base64 (',' for '/', no padding) between "&"
 * and "-".
 */
final class ModifiedUtf7 {

    private ModifiedUtf7() {}

    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) {
                    end++;
                }
                byte[] utf16 = name.substring(i, end).getBytes(StandardCharsets.UTF_16BE);
                out.append('&')
                        .append(Base64.getEncoder()
                                .withoutPadding()
                                .encodeToString(utf16)
                                .replace('/', ','))
                        .append('-');
                i = end;
            }
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException when the name is not valid modified UTF-7 (a lone "&", bad
     *     base64, an encoded printable character); characters beyond US-ASCII are taken as they are
     */
    static String decode(String name) {
        if (name.indexOf('&') < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = name.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated & in " + name);
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                String base64 = name.substring(i + 1, end);
                if (!base64.matches("[A-Za-z0-9+,]+")) {
                    throw new IllegalArgumentException("bad modified base64 in " + name);
                }
                byte[] bytes = Base64.getDecoder().decode(pad(base64.replace(',', '/')));
                if (bytes.length % 2 != 0) {
                    throw new IllegalArgumentException("odd UTF-16 in " + name);
                }
                String text =
                        StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(bytes)).toString();
                if (text.chars().anyMatch(ch -> ch >= 0x20 && ch <= 0x7e)) {
                    throw new IllegalArgumentException("encoded printable character in " + name);
                }
                out.append(text);
            }
            i = end + 1;
        }
        return out.toString();
    }

    /** {@link #decode}, or the name as it is when it is not valid modified UTF-7. */
    static String decodeLeniently(String name) {
        try {
            return decode(name);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String pad(String base64) {
        int rest = base64.length() % 4;
        if (rest == 1) {
            throw new IllegalArgumentException("bad modified base64 length");
        }
        return rest == 0 ? base64 : base64 + "==".substring(0, 4 - rest);
    }
}
