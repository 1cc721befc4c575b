package dev.merpati.connector.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Byte-stuffs a message streamed in pieces for a multi-line response (POP3 RETR/TOP, later SMTP
 * delivery): a line that starts with "." gets another "." in front. Any LF starts a line, so a client
 * that splits lines at a bare LF unstuffs the same way.
 */
public final class DotStuffer {

    private static final byte[] CRLF_TERMINATOR = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TERMINATOR = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private boolean atLineStart = true;

    /** Stuffs {@code length} bytes of {@code source} into a new buffer. */
    public ByteBuf stuff(ByteBufAllocator alloc, byte[] source, int offset, int length) {
        ByteBuf out = alloc.buffer(length + length / 64 + 16);
        int runStart = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = source[i];
            if (atLineStart && b == '.') {
                out.writeBytes(source, runStart, i - runStart);
                out.writeByte('.');
                runStart = i;
            }
            atLineStart = b == '\n';
        }
        out.writeBytes(source, runStart, end - runStart);
        return out;
    }

    /** The end of the response: "." on a line of its own, after a CRLF if the content lacked one. */
    public ByteBuf terminator(ByteBufAllocator alloc) {
        byte[] bytes = atLineStart ? TERMINATOR : CRLF_TERMINATOR;
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }
}
