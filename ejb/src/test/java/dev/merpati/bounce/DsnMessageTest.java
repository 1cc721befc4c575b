package dev.merpati.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DsnMessageTest {

    private static final byte[] ORIGINAL = ("Received: from x\r\nFrom: Budi <budi@example.org>\r\nSubject: Héllo\r\n"
                    + "\r\nsecret body\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] dsn = new DsnMessage("mail.merpati.test", ZoneOffset.UTC)
            .build(
                    new DsnMessage.Original(
                            "000000002A", "budi@example.org", Instant.parse("2025-03-04T05:06:07Z"), ORIGINAL),
                    List.of(
                            new DsnMessage.Failure(
                                    "ghost@merpati.test",
                                    "team@merpati.test",
                                    "5.1.1 user unknown: ghost@merpati.test"),
                            new DsnMessage.Failure("x@example.org", null, "4.4.7 delivery time expired")),
                    "budi@example.org",
                    Instant.parse("2025-03-04T06:00:00Z"),
                    "abc");

    @Test
    void isAMultipartReportWithTheDeliveryStatusAndTheOriginalHeadersOnly() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(dsn));
        assertTrue(m.isMimeType("multipart/report"), m.getContentType());
        assertTrue(m.getContentType().contains("report-type=delivery-status"));
        assertEquals("budi@example.org", m.getHeader("To", null));
        assertEquals("auto-replied", m.getHeader("Auto-Submitted", null));
        Multipart parts = (Multipart) m.getContent();
        assertEquals(3, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("message/delivery-status"));
        assertTrue(parts.getBodyPart(2).isMimeType("text/rfc822-headers"));

        String status = text(parts.getBodyPart(1));
        assertTrue(status.contains("Reporting-MTA: dns; mail.merpati.test\r\n"), status);
        assertTrue(
                status.contains("Final-Recipient: rfc822; ghost@merpati.test\r\n"
                        + "Original-Recipient: rfc822; team@merpati.test\r\n"
                        + "Action: failed\r\nStatus: 5.1.1\r\n"),
                status);
        assertTrue(
                status.contains("Final-Recipient: rfc822; x@example.org\r\nAction: failed\r\nStatus: 4.4.7\r\n"),
                status);

        String headers = text(parts.getBodyPart(2));
        assertTrue(headers.contains("From: Budi <budi@example.org>\r\nSubject: H??llo\r\n"), headers);
        assertTrue(!new String(dsn, StandardCharsets.US_ASCII).contains("secret body"));
    }

    @Test
    void statusComesFromTheReason() {
        assertEquals("5.1.1", DsnMessage.status("5.1.1 user unknown"));
        assertEquals("4.4.7", DsnMessage.status("4.4.7"));
        assertEquals("5.0.0", DsnMessage.status("something odd"));
        assertEquals("5.0.0", DsnMessage.status(null));
    }

    private static String text(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
