package dev.merpati.mailbox.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderFieldFilterTest {

    @Test
    void headerFieldsFilter() {
        byte[] header = "From: a\r\nSubject: one\r\n two\r\nTo: b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(
                "Subject: one\r\n two\r\n\r\n",
                new String(HeaderFieldFilter.filter(header, List.of("SUBJECT"), false), StandardCharsets.US_ASCII));
        assertEquals(
                "From: a\r\nTo: b\r\n\r\n",
                new String(HeaderFieldFilter.filter(header, List.of("subject"), true), StandardCharsets.US_ASCII));
    }
}
