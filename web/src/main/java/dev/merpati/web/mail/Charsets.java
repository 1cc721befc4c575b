package dev.merpati.web.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The Java charset for a MIME charset name, as mail clients read them. */
final class Charsets {

    private Charsets() {}

    /** The named charset; US-ASCII is read as windows-1252 and ISO-8859-1 too (what senders mean); UTF-8 when unknown. */
    static Charset of(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String wanted = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (wanted.equals("us-ascii") || wanted.equals("iso-8859-1") || wanted.equals("latin1")) {
            wanted = "windows-1252";
        }
        try {
            return Charset.forName(wanted);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
