package dev.merpati.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingHeadersTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-04T05:06:07Z");
    private final MissingHeaders headers = new MissingHeaders("mx.merpati.test", ZoneOffset.ofHours(7));

    private static MissingHeaders.Trace trace(List<String> recipients) {
        return new MissingHeaders.Trace(
                "client.example.org", "192.0.2.10", "ESMTP", "00000000A1", recipients, RECEIVED);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void receivedHeaderHasTheRfc5321Form() {
        String received = headers.received(trace(List.of("bob@merpati.test")));
        assertEquals(
                "Received: from client.example.org ([192.0.2.10])\r\n"
                        + "\tby mx.merpati.test (Merpati) with ESMTP id 00000000A1\r\n"
                        + "\tfor <bob@merpati.test>; Tue, 4 Mar 2025 12:06:07 +0700\r\n",
                received);
    }

    @Test
    void receivedHeaderRecordsTlsAndTheAuthenticatedSenderAsPostfixDoes() {
        var trace = new MissingHeaders.Trace(
                "client.example.org",
                "192.0.2.10",
                "ESMTPSA",
                "00000000A1",
                List.of("bob@merpati.test"),
                RECEIVED,
                "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
                "alice@merpati.test");
        assertEquals(
                "Received: from client.example.org ([192.0.2.10])\r\n"
                        + "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n"
                        + "\t(Authenticated sender: alice@merpati.test)\r\n"
                        + "\tby mx.merpati.test (Merpati) with ESMTPSA id 00000000A1\r\n"
                        + "\tfor <bob@merpati.test>; Tue, 4 Mar 2025 12:06:07 +0700\r\n",
                headers.received(trace));
    }

    @Test
    void tlsAndSenderCannotInjectHeaderLinesOrBreakTheComment() {
        var trace = new MissingHeaders.Trace(
                "client.example.org",
                "192.0.2.10",
                "ESMTPSA",
                "00000000A1",
                List.of("bob@merpati.test"),
                RECEIVED,
                "TLSv1.3 (x\r\nX-Evil: 1",
                "alice)\r\nX-Evil: 2 (");
        String received = headers.received(trace);
        assertFalse(received.contains("X-Evil: "), received);
        assertEquals(5, received.split("\r\n", -1).length - 1, received);
        assertTrue(received.contains("\t(using TLSv1.3 ?x??X-Evil? 1)\r\n"), received);
        assertTrue(received.contains("\t(Authenticated sender: alice???X-Evil:?2??)\r\n"), received);
    }

    @Test
    void severalRecipientsAreNotDisclosed() {
        String received = headers.received(trace(List.of("a@merpati.test", "b@merpati.test")));
        assertFalse(received.contains(" for "));
        assertTrue(received.endsWith("id 00000000A1; Tue, 4 Mar 2025 12:06:07 +0700\r\n"));
    }

    @Test
    void missingMessageIdAndDateAreAdded() {
        String block = headers.block(ascii("Subject: hi\r\n\r\nbody\r\n"), trace(List.of("b@merpati.test")), "ABC123");
        assertTrue(block.startsWith("Received: from client.example.org"));
        assertTrue(block.contains("\r\nDate: Tue, 4 Mar 2025 12:06:07 +0700\r\n"), block);
        assertTrue(block.endsWith("\r\nMessage-ID: <20250304050607.ABC123@mx.merpati.test>\r\n"), block);
    }

    @Test
    void presentMessageIdAndDateAreKept() {
        String message = "Date: Mon, 3 Mar 2025 10:00:00 +0000\r\n"
                + "message-id: <x@y>\r\n"
                + "Subject: hi\r\n\r\n"
                + "Message-ID: in the body, not a header\r\n";
        String block = headers.block(ascii(message), trace(List.of("b@merpati.test")), "ABC123");
        assertFalse(block.contains("Date:"), block);
        assertFalse(block.contains("Message-ID:"), block);
        assertTrue(block.startsWith("Received: "));
    }

    @Test
    void headerSectionWithoutBodyStillCounts() {
        String block = headers.block(ascii("Message-ID: <x@y>"), trace(List.of("b@merpati.test")), "R");
        assertFalse(block.contains("Message-ID:"), block);
        assertTrue(block.contains("Date:"), block);
    }

    @Test
    void clientSuppliedValuesCannotInjectHeaderLines() {
        var hostile = new MissingHeaders.Trace(
                "evil\r\nX-Injected: yes", "::1", "ESMTPS\r\n", "Q1", List.of("b@x.test>\r\nBcc: c@d"), RECEIVED);
        String received = headers.received(hostile);
        assertEquals(3, received.split("\r\n", -1).length - 1, received);
        assertFalse(received.contains("X-Injected: yes\r\n"));
        assertTrue(received.contains("([IPv6:::1])"), received);
        assertTrue(received.contains("with ESMTPS id Q1"), received);
    }

    @Test
    void unknownHeloAndAddressAreNamedSo() {
        var anonymous = new MissingHeaders.Trace("", null, "", "Q2", List.of(), RECEIVED);
        assertTrue(headers.received(anonymous).startsWith("Received: from unknown ([unknown])\r\n"));
    }
}
