package dev.merpati.connector.pop3;

import dev.merpati.connector.api.MaildropMessage;
import java.util.List;

/**
 * What a POP3 command answers: one status line, a multi-line list, a streamed message, or the
 * switch to TLS.
 */
public sealed interface Pop3Response {

    /** A single status line; {@code close} ends the connection after it. */
    record Line(String text, boolean close) implements Pop3Response {}

    /** A status line, lines that need no byte-stuffing, and the terminating ".". */
    record MultiLine(String status, List<String> lines) implements Pop3Response {
        public MultiLine {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A status line and a message streamed from the maildrop listener, starting with the chunk
     * already read, passed through {@code filter}.
     */
    record Content(String status, MaildropMessage message, byte[] firstChunk, ContentFilter filter)
            implements Pop3Response {}

    /** STLS accepted: {@code text} goes out in the clear, then the TLS handshake starts. */
    record StartTls(String text) implements Pop3Response {}

    static Pop3Response line(String text) {
        return new Line(text, false);
    }

    static Pop3Response closing(String text) {
        return new Line(text, true);
    }
}
