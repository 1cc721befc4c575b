package dev.merpati.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopFilterTest {

    private static final String MESSAGE = "From: a\r\nSubject: s\r\n\r\nline1\r\nline2\r\nline3\r\n";

    private static String top(int lines, int pieceSize) {
        var filter = new TopFilter(lines);
        byte[] bytes = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < bytes.length && !filter.done(); offset += pieceSize) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + pieceSize));
            out.append(new String(piece, 0, filter.accept(piece), StandardCharsets.US_ASCII));
        }
        return out.toString();
    }

    @Test
    void headerBlankLineAndBodyLines() {
        for (int piece : new int[] {1, 3, 1000}) {
            assertEquals("From: a\r\nSubject: s\r\n\r\n", top(0, piece));
            assertEquals("From: a\r\nSubject: s\r\n\r\nline1\r\nline2\r\n", top(2, piece));
            assertEquals(MESSAGE, top(10, piece));
        }
    }

    @Test
    void doneOnceEnoughWasSeen() {
        var filter = new TopFilter(1);
        filter.accept(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        assertTrue(filter.done());
    }
}
