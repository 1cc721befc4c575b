package dev.merpati.connector.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.merpati.connector.api.TransferDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming Content-Transfer-Encoding decoder gives the same octets however the input is cut. */
class TransferDecoderTest {

    private static byte[] decode(String encoding, byte[] input, int piece) {
        TransferDecoder decoder = TransferDecoder.forEncoding(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < input.length; i += piece) {
            out.writeBytes(decoder.decode(input, i, Math.min(piece, input.length - i)));
        }
        out.writeBytes(decoder.finish());
        return out.toByteArray();
    }

    @Test
    void base64InAnyPieces() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 2, 3, 4, 57, 1000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            byte[] encoded = java.util.Base64.getMimeEncoder().encode(data);
            for (int piece : new int[] {1, 2, 3, 5, 76, 100_000}) {
                assertArrayEquals(data, decode("base64", encoded, piece), size + "/" + piece);
                assertArrayEquals(data, decode("Base64", encoded, piece));
            }
        }
    }

    @Test
    void quotedPrintableInAnyPieces() {
        byte[] encoded = "a=3Db \t\r\nsoft=\r\nline =\r\nx=C3=A9=c3=a9\r\nbad=ZZ=4 end=\r\n=\n=2"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] expected = "a=b\r\nsoftline x\u00e9\u00e9\r\nbad=ZZ=4 end=2".getBytes(StandardCharsets.UTF_8);
        for (int piece = 1; piece <= encoded.length; piece++) {
            assertArrayEquals(expected, decode("quoted-printable", encoded, piece), "piece " + piece);
        }
    }

    @Test
    void identityAndUnknown() {
        byte[] data = {0, 1, '\r', '\n', (byte) 0xff};
        for (String encoding : new String[] {null, "", "7bit", "8BIT", "binary"}) {
            assertArrayEquals(data, decode(encoding, data, 2));
        }
        assertNull(TransferDecoder.forEncoding("x-uuencode"));
    }
}
