package dev.merpati.connector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsCrlfAndBareLfLines() {
        var reader = new LineReader(512);
        ByteBuf in = bytes("NOOP\r\nQUIT\nRSE");
        assertEquals(InputLine.of("NOOP"), reader.read(in));
        assertEquals(InputLine.of("QUIT"), reader.read(in));
        assertNull(reader.read(in));
        in.writeBytes(bytes("T\r\n"));
        assertEquals(InputLine.of("RSET"), reader.read(in));
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() {
        var reader = new LineReader(10);
        assertEquals(InputLine.of("12345678"), reader.read(bytes("12345678\r\n")));
        assertEquals(InputLine.TOO_LONG, reader.read(bytes("123456789\r\n")));
    }

    @Test
    void overlongLineIsDiscardedWithoutBuffering() {
        var reader = new LineReader(10);
        ByteBuf in = bytes("x".repeat(15));
        assertNull(reader.read(in));
        assertEquals(0, in.readableBytes());
        in.writeBytes(bytes("y".repeat(100)));
        assertNull(reader.read(in));
        assertEquals(0, in.readableBytes());
        in.writeBytes(bytes("zz\r\nNOOP\r\n"));
        assertEquals(InputLine.TOO_LONG, reader.read(in));
        assertEquals(InputLine.of("NOOP"), reader.read(in));
    }
}
