package dev.merpati.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListingHeadersTest {

    @Test
    void decodesEncodedWordsAndParsesTheDate() {
        String message = "From: =?UTF-8?B?QnVkaSBTYW50b3Nv?= <budi@example.org>\r\n"
                + "Subject: =?ISO-8859-1?Q?Caf=E9?=\r\n"
                + " au lait\r\n"
                + "Date: Tue, 4 Mar 2025 12:06:07 +0700\r\n"
                + "Message-ID: <abc@example.org>\r\n"
                + "\r\n"
                + "Subject: not this one\r\n";
        ListingHeaders headers = ListingHeaders.parse(message.getBytes(StandardCharsets.US_ASCII));
        assertEquals("Budi Santoso <budi@example.org>", headers.from());
        assertEquals("Café au lait", headers.subject());
        assertEquals(Instant.parse("2025-03-04T05:06:07Z"), headers.date());
        assertEquals("<abc@example.org>", headers.messageId());
    }

    @Test
    void missingOrBrokenFieldsAreEmptyNotNull() {
        ListingHeaders headers =
                ListingHeaders.parse("Date: yesterday-ish\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
        assertEquals("", headers.from());
        assertEquals("", headers.subject());
        assertEquals("", headers.messageId());
        assertNull(headers.date());
    }

    @Test
    void longSubjectsAreCutToTheColumnWidth() {
        String message = "Subject: " + "x".repeat(5000) + "\r\n\r\n";
        assertEquals(
                ListingHeaders.MAX_LENGTH,
                ListingHeaders.parse(message.getBytes(StandardCharsets.US_ASCII))
                        .subject()
                        .length());
    }
}
