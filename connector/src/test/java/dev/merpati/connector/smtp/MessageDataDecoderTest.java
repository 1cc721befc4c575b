package dev.merpati.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageDataDecoderTest {

    /** Decodes {@code input} in one piece; returns the content and what is left after the end. */
    private static Result decode(String input) {
        return decode(input, Integer.MAX_VALUE);
    }

    private static Result decode(String input, int pieceSize) {
        var decoder = new MessageDataDecoder();
        var content = new ByteArrayOutputStream();
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf rest = Unpooled.buffer();
        boolean ended = false;
        for (int offset = 0; offset < bytes.length; offset += pieceSize) {
            ByteBuf piece = Unpooled.wrappedBuffer(bytes, offset, Math.min(pieceSize, bytes.length - offset));
            if (!ended) {
                ended = decoder.decode(piece, content::write);
            }
            rest.writeBytes(piece);
        }
        return new Result(
                ended, content.toString(StandardCharsets.ISO_8859_1), rest.toString(StandardCharsets.ISO_8859_1));
    }

    private record Result(boolean ended, String content, String rest) {}

    @Test
    void endsAtCrlfDotCrlfAndLeavesWhatFollows() {
        Result result = decode("Subject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n");
        assertTrue(result.ended());
        assertEquals("Subject: hi\r\n\r\nbody\r\n", result.content());
        assertEquals("QUIT\r\n", result.rest());
    }

    @Test
    void firstLineDotEndsAnEmptyMessage() {
        Result result = decode(".\r\nNOOP\r\n");
        assertTrue(result.ended());
        assertEquals("", result.content());
        assertEquals("NOOP\r\n", result.rest());
    }

    @Test
    void removesOneLeadingDot() {
        Result result = decode("..\r\n...x\r\n.y\r\n a.\r\n.\r\n");
        assertEquals(".\r\n..x\r\ny\r\n a.\r\n", result.content());
    }

    @Test
    void normalisesBareLfToCrlf() {
        Result result = decode("one\ntwo\r\nthree\n\r\n.\r\n");
        assertTrue(result.ended());
        assertEquals("one\r\ntwo\r\nthree\r\n\r\n", result.content());
    }

    @Test
    void keepsBareCr() {
        assertEquals("a\rb\r\n", decode("a\rb\r\n.\r\n").content());
    }

    @Test
    void dotLineEndedByBareLfNeverEnds() {
        Result result = decode("hello\r\n.\nMAIL FROM:<x@y>\r\n");
        assertFalse(result.ended());
        assertEquals("hello\r\n.\r\nMAIL FROM:<x@y>\r\n", result.content());
    }

    @Test
    void dotLineAfterBareLfLineNeverEnds() {
        Result result = decode("hello\n.\r\nMAIL FROM:<x@y>\r\n");
        assertFalse(result.ended());
        assertEquals("hello\r\n.\r\nMAIL FROM:<x@y>\r\n", result.content());
    }

    @Test
    void smugglingVariantsStayInsideOneMessage() {
        for (String fakeEnd : new String[] {"\n.\n", "\r\n.\n", "\n.\r\n", "\r.\r\n", "\r\n.\r\r\n"}) {
            Result result = decode("first" + fakeEnd + "MAIL FROM:<evil@x>\r\nsmuggled\r\n.\r\nNOOP\r\n");
            assertTrue(result.ended(), fakeEnd);
            assertTrue(result.content().contains("MAIL FROM:<evil@x>\r\nsmuggled\r\n"), fakeEnd);
            assertEquals("NOOP\r\n", result.rest(), fakeEnd);
        }
    }

    @Test
    void sameResultWhateverThePieces() {
        String input = "a\r\n..b\r\nc\nd\r\n.\ne\r\n\r\n.\r\nQUIT\r\n";
        Result whole = decode(input);
        for (int piece = 1; piece <= 7; piece++) {
            assertEquals(whole, decode(input, piece), "piece size " + piece);
        }
    }

    @Test
    void endSplitAcrossPieces() {
        Result result = decode("x\r\n.\r\nNOOP\r\n", 1);
        assertTrue(result.ended());
        assertEquals("x\r\n", result.content());
        assertEquals("NOOP\r\n", result.rest());
    }
}
