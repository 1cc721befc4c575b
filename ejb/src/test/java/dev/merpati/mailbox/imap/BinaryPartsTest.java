package dev.merpati.mailbox.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.SectionData;
import dev.merpati.mailbox.MessageStructure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FETCH BINARY on the stored structure of a multipart message: which encoding, what size, NUL or not. */
class BinaryPartsTest {

    private static final byte[] DATA = {0, 1, 2, 3, (byte) 0xff, 'x'};

    private static final String MESSAGE = "From: a@x.test\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: Quoted-Printable (soft)\r\n\r\n"
            + "caf=C3=A9=\r\n!\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding:\r\n base64\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(DATA) + "\r\n"
            + "--b\r\nContent-Type: application/x-old\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin\r\n"
            + "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nbody\r\n"
            + "--b--\r\n";

    private static SectionData section(Integer... path) {
        byte[] bytes = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        BinaryParts.Reader reader = (offset, length) -> offset >= bytes.length
                ? new byte[0]
                : Arrays.copyOfRange(bytes, (int) offset, (int) Math.min(bytes.length, offset + Math.min(length, 5)));
        MessageStructure structure = MessageStructure.of(offset -> reader.read(offset, 5), bytes.length);
        return BinaryParts.section(structure.partTree(), List.of(path), reader);
    }

    @Test
    void leafPartsAreDecodedMultipartsAndMessagesSentAsStored() {
        SectionData qp = section(1);
        assertEquals(
                new SectionData.Decoding("quoted-printable", "café!".getBytes(StandardCharsets.UTF_8).length, false),
                qp.decoding());
        assertEquals("caf=C3=A9=\r\n!", MESSAGE.substring((int) qp.offset(), (int) (qp.offset() + qp.length())));

        SectionData base64 = section(2);
        assertEquals("base64", base64.decoding().encoding());
        assertEquals(DATA.length, base64.decoding().length());
        assertTrue(base64.decoding().containsNul());

        SectionData unknown = section(3);
        assertEquals("x-uuencode", unknown.decoding().encoding());
        assertFalse(unknown.decoding().known());

        SectionData inner = section(4);
        assertEquals(
                new SectionData.Decoding(BinaryParts.IDENTITY, "Subject: inner\r\n\r\nbody".length(), false),
                inner.decoding());
        assertEquals("body".length(), section(4, 1).decoding().length());

        SectionData whole = section();
        assertEquals(0, whole.offset());
        assertEquals(MESSAGE.length(), whole.decoding().length());

        assertNull(section(9).decoding());
        assertEquals(0, section(9).length());
    }
}
