package dev.merpati.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.settings.MailSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderSectionTest {

    private static final int LIMIT = MailSettings.defaults().headerSizeLimit();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fieldsWithContinuationLinesAndTheEnd() {
        String msg = "From: a@b\r\nBcc: x@y,\r\n z@w\r\nSubject: s\r\n\r\nBcc: body line\r\n";
        HeaderSection h = HeaderSection.parse(bytes(msg), true);
        assertTrue(h.complete());
        assertEquals(msg.indexOf("\r\n\r\n") + 2, h.size());
        assertEquals(3, h.fields().size());
        assertEquals(1, h.count("bcc"));
        assertEquals("From: a@b\r\nSubject: s\r\n", new String(h.without("BCC"), StandardCharsets.ISO_8859_1));
        assertNull(h.without("Cc"));
    }

    @Test
    void bareLineFeedsAndHeaderOnlyMessages() {
        HeaderSection h = HeaderSection.parse(bytes("Received: a\nReceived: b\nDelivered-To: c"), true);
        assertTrue(h.complete());
        assertEquals(3, h.count("Received", "Delivered-To"));
    }

    @Test
    void aSectionCutOffByTheEndOfTheChunkIsIncomplete() {
        HeaderSection h = HeaderSection.parse(bytes("Subject: a\r\nX-Long: bbbb"), false);
        assertFalse(h.complete());
        assertEquals(1, h.fields().size());
    }

    @Test
    void cleanupRefusesLoopsAndHugeHeaders() {
        StringBuilder hops = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            hops.append(i % 2 == 0 ? "Received: hop\r\n" : "Delivered-To: x@y\r\n");
        }
        assertEquals(
                "5.4.6 mail loop detected", Cleanup.check(HeaderSection.parse(bytes(hops + "\r\nbody"), true), LIMIT));
        String fifty = hops.substring(hops.indexOf("\n") + 1);
        assertNull(Cleanup.check(HeaderSection.parse(bytes(fifty + "\r\nbody"), true), LIMIT));
        String big = "X-Big: " + "a".repeat(LIMIT) + "\r\n\r\nbody";
        assertEquals(
                "5.3.4 message header size exceeds limit", Cleanup.check(HeaderSection.parse(bytes(big), true), LIMIT));
        assertEquals(
                "5.3.4 message header size exceeds limit",
                Cleanup.check(HeaderSection.parse(bytes("Subject: cut"), false), LIMIT));
    }
}
