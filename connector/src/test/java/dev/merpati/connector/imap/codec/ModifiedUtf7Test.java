package dev.merpati.connector.imap.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Modified UTF-7 mailbox names, RFC 3501 §5.1.3. */
class ModifiedUtf7Test {

    @Test
    void rfcExample() {
        assertEquals("~peter/mail/&U,BTFw-/&ZeVnLIqe-", ModifiedUtf7.encode("~peter/mail/台北/日本語"));
        assertEquals("~peter/mail/台北/日本語", ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-"));
    }

    @Test
    void ampersandAndMixedText() {
        assertEquals("Tom &- Jerry", ModifiedUtf7.encode("Tom & Jerry"));
        assertEquals("Tom & Jerry", ModifiedUtf7.decode("Tom &- Jerry"));
        assertEquals("Entw&APw-rfe", ModifiedUtf7.encode("Entwürfe"));
        assertEquals("Entwürfe", ModifiedUtf7.decode("Entw&APw-rfe"));
        // characters outside the BMP go as surrogate pairs
        String emoji = "Mail \uD83D\uDCEC";
        assertEquals(emoji, ModifiedUtf7.decode(ModifiedUtf7.encode(emoji)));
        assertEquals("INBOX", ModifiedUtf7.encode("INBOX"));
    }

    @Test
    void invalidNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("Bad&Name"));
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("&U/BTFw-"));
        // "A" encoded is not allowed: printable characters stand for themselves
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("&AEE-"));
        assertEquals("Bad&Name", ModifiedUtf7.decodeLeniently("Bad&Name"));
    }
}
