package dev.merpati.connector.smtp;

import java.util.List;

/** One SMTP reply: a code and one or more lines of text (each already carrying its status code). */
public record SmtpReply(int code, List<String> lines) {

    public SmtpReply {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    /** A reply with an RFC 3463 enhanced status code before the text. */
    public static SmtpReply of(int code, String enhancedStatus, String text) {
        return new SmtpReply(code, List.of(enhancedStatus + " " + text));
    }

    /** A reply without an enhanced status code (the greeting, 354, the EHLO lines). */
    public static SmtpReply plain(int code, String text) {
        return new SmtpReply(code, List.of(text));
    }

    public boolean isError() {
        return code >= 400;
    }

    /** The reply as sent, lines joined by CRLF, without the final CRLF. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(code).append(i < lines.size() - 1 ? '-' : ' ').append(lines.get(i));
        }
        return out.toString();
    }
}
