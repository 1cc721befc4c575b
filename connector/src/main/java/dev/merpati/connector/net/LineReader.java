package dev.merpati.connector.net;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Cuts command lines out of the input, ending at LF (an optional CR before it is removed). A line
 * longer than the limit is skipped up to its end and reported once as {@link InputLine#TOO_LONG};
 * it is never held in memory.
 */
public final class LineReader {

    private final int maxLength;
    private boolean discarding;

    /** @param maxLength the longest accepted line in octets, including CRLF */
    public LineReader(int maxLength) {
        this.maxLength = maxLength;
    }

    /**
     * Reads the next line, consuming it from {@code in}.
     *
     * @return the line, or {@code null} when no complete line is buffered yet (bytes of an over-long
     *     line may have been consumed)
     */
    public InputLine read(ByteBuf in) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (discarding) {
            if (lf < 0) {
                in.skipBytes(in.readableBytes());
                return null;
            }
            in.readerIndex(lf + 1);
            discarding = false;
            return InputLine.TOO_LONG;
        }
        if (lf < 0) {
            if (in.readableBytes() >= maxLength) {
                in.skipBytes(in.readableBytes());
                discarding = true;
            }
            return null;
        }
        int start = in.readerIndex();
        if (lf + 1 - start > maxLength) {
            in.readerIndex(lf + 1);
            return InputLine.TOO_LONG;
        }
        int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        String text = in.toString(start, end - start, StandardCharsets.UTF_8);
        in.readerIndex(lf + 1);
        return InputLine.of(text);
    }
}
