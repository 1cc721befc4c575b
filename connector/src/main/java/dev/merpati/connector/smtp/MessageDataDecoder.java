package dev.merpati.connector.smtp;

import dev.merpati.connector.net.DataSink;
import io.netty.buffer.ByteBuf;

/**
 * The framing of the SMTP DATA section (RFC 5321 §4.1.1.4, §4.5.2), fed in arbitrary pieces.
 *
 * <ul>
 *   <li>Only CRLF "." CRLF ends the data; the data starts as if after a CRLF, so a first line "."
 *       ends an empty message.
 *   <li>One leading dot is removed from a line that has more after it.
 *   <li>A line ending in a bare LF is accepted and passed on ending in CRLF, but such a line ending
 *       never counts towards the terminator: neither "." ended by a bare LF nor a "." line after a
 *       bare-LF line ends the data. This is what prevents SMTP smuggling (a second message hidden in
 *       the first one for servers that read LF "." LF as the end); such a line is kept as ".".
 * </ul>
 */
public final class MessageDataDecoder {

    private enum State {
        LINE_START,
        DOT,
        DOT_CR,
        IN_LINE,
        CR
    }

    private static final int OUTPUT_BUFFER = 8192;

    private final byte[] output = new byte[OUTPUT_BUFFER];
    private int outputLength;
    private DataSink sink;
    private State state = State.LINE_START;
    private boolean lastLineEndedWithCrlf = true;

    /**
     * Consumes data from {@code in} up to and including the terminator, if present.
     *
     * @return whether the terminator was read; the bytes after it are left in {@code in}
     */
    public boolean decode(ByteBuf in, DataSink sink) {
        this.sink = sink;
        int terminatorEnd = in.forEachByte(this::accept);
        flush();
        if (terminatorEnd < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(terminatorEnd + 1);
        return true;
    }

    /** @return {@code false} at the last byte of the terminator */
    private boolean accept(byte b) {
        switch (state) {
            case LINE_START -> {
                if (b == '.') {
                    state = State.DOT;
                } else {
                    inLine(b);
                }
            }
            case DOT -> {
                if (b == '\r') {
                    state = State.DOT_CR;
                } else if (b == '\n') {
                    emit('.');
                    endLine(false);
                } else {
                    inLine(b);
                }
            }
            case DOT_CR -> {
                if (b == '\n') {
                    if (lastLineEndedWithCrlf) {
                        return false;
                    }
                    emit('.');
                    endLine(true);
                } else {
                    emit('\r');
                    inLine(b);
                }
            }
            case IN_LINE -> inLine(b);
            case CR -> {
                if (b == '\n') {
                    endLine(true);
                } else {
                    emit('\r');
                    inLine(b);
                }
            }
        }
        return true;
    }

    private void inLine(byte b) {
        if (b == '\r') {
            state = State.CR;
        } else if (b == '\n') {
            endLine(false);
        } else {
            emit(b);
            state = State.IN_LINE;
        }
    }

    private void endLine(boolean crlf) {
        emit('\r');
        emit('\n');
        lastLineEndedWithCrlf = crlf;
        state = State.LINE_START;
    }

    private void emit(int b) {
        if (outputLength == output.length) {
            flush();
        }
        output[outputLength++] = (byte) b;
    }

    private void flush() {
        if (outputLength > 0) {
            sink.write(output, 0, outputLength);
            outputLength = 0;
        }
    }
}
