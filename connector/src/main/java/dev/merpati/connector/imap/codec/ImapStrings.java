package dev.merpati.connector.imap.codec;

import java.nio.charset.StandardCharsets;

/** Strings as IMAP writes them: quoted when that is possible, else a literal. */
public final class ImapStrings {

    private ImapStrings() {}

    public static String quoted(String value) {
        boolean quotable = value.length() < 1024;
        for (int i = 0; i < value.length() && quotable; i++) {
            char c = value.charAt(i);
            quotable = c >= 0x20 && c < 0x7f;
        }
        if (quotable) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return "{" + value.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + value;
    }

    static String nstring(String value) {
        return value == null ? "NIL" : quoted(value);
    }
}
