package dev.merpati.connector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStufferTest {

    private static String stuffInPieces(String content, int pieceSize) {
        var stuffer = new DotStuffer();
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < bytes.length; offset += pieceSize) {
            ByteBuf piece =
                    stuffer.stuff(ByteBufAllocator.DEFAULT, bytes, offset, Math.min(pieceSize, bytes.length - offset));
            out.append(piece.toString(StandardCharsets.ISO_8859_1));
            piece.release();
        }
        ByteBuf end = stuffer.terminator(ByteBufAllocator.DEFAULT);
        out.append(end.toString(StandardCharsets.ISO_8859_1));
        end.release();
        return out.toString();
    }

    @Test
    void stuffsDotsAtLineStart() {
        assertEquals("..first\r\na.b\r\n..\r\n...\r\n.\r\n", stuffInPieces(".first\r\na.b\r\n.\r\n..\r\n", 1000));
    }

    @Test
    void addsCrlfBeforeTheTerminatorWhenMissing() {
        assertEquals("no newline\r\n.\r\n", stuffInPieces("no newline", 1000));
        assertEquals(".\r\n", stuffInPieces("", 1000));
    }

    @Test
    void sameResultWhateverThePieces() {
        String content = ".a\r\n.\r\nb.\r\n..c\n.d";
        String whole = stuffInPieces(content, 1000);
        assertEquals("..a\r\n..\r\nb.\r\n...c\n..d\r\n.\r\n", whole);
        for (int piece = 1; piece < 6; piece++) {
            assertEquals(whole, stuffInPieces(content, piece));
        }
    }
}
