package dev.merpati.mailbox.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.merpati.connector.api.FetchRequest;
import dev.merpati.mailbox.MessageStructure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FETCH BODY[section] ranges found in the part offsets kept when a message is stored. */
class SectionRangesTest {

    private static final String SIMPLE = "From: Alice <alice@x.test>\r\nTo: bob@y.test, \"C, D\" <cd@z.test>\r\n"
            + "Subject: Hi there\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <1@x.test>\r\n\r\n"
            + "line one\r\nline two\r\n";

    private static final String MULTIPART = "From: a@x.test\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "preamble\r\n--outer\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\nworld\r\n"
            + "--outer\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\ninner body\r\n"
            + "--outer\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n--in\r\n\r\nplain\r\n--in\r\n"
            + "Content-Type: text/html\r\n\r\n<p>x</p>\r\n--in--\r\n\r\n--outer--\r\nepilogue\r\n";

    private static MessageStructure parse(byte[] message, int chunk) {
        return MessageStructure.of(
                offset -> offset >= message.length
                        ? new byte[0]
                        : Arrays.copyOfRange(message, (int) offset, (int) Math.min(message.length, offset + chunk)),
                message.length);
    }

    private static String section(String message, MessageStructure structure, FetchRequest.Kind kind, Integer... part) {
        SectionRanges.Range range =
                SectionRanges.resolve(structure.partTree(), new FetchRequest.Section(List.of(part), kind, List.of()));
        return range == null ? null : message.substring((int) range.offset(), (int) (range.offset() + range.length()));
    }

    @Test
    void simpleMessage() {
        byte[] bytes = SIMPLE.getBytes(StandardCharsets.US_ASCII);
        MessageStructure structure = parse(bytes, 7);
        assertEquals("line one\r\nline two\r\n", section(SIMPLE, structure, FetchRequest.Kind.CONTENT, 1));
        assertEquals("line one\r\nline two\r\n", section(SIMPLE, structure, FetchRequest.Kind.TEXT));
        assertNull(section(SIMPLE, structure, FetchRequest.Kind.CONTENT, 2));
    }

    @Test
    void nestedParts() {
        byte[] bytes = MULTIPART.getBytes(StandardCharsets.US_ASCII);
        for (int chunk : new int[] {5, 64, 100_000}) {
            MessageStructure structure = parse(bytes, chunk);
            assertEquals("hello\r\nworld", section(MULTIPART, structure, FetchRequest.Kind.CONTENT, 1));
            assertEquals(
                    "Content-Type: text/plain; charset=utf-8\r\n\r\n",
                    section(MULTIPART, structure, FetchRequest.Kind.MIME, 1));
            assertEquals(
                    "Subject: inner\r\n\r\ninner body", section(MULTIPART, structure, FetchRequest.Kind.CONTENT, 2));
            assertEquals("Subject: inner\r\n\r\n", section(MULTIPART, structure, FetchRequest.Kind.HEADER, 2));
            assertEquals("inner body", section(MULTIPART, structure, FetchRequest.Kind.TEXT, 2));
            assertEquals("inner body", section(MULTIPART, structure, FetchRequest.Kind.CONTENT, 2, 1));
            assertEquals("plain", section(MULTIPART, structure, FetchRequest.Kind.CONTENT, 3, 1));
            assertEquals("<p>x</p>", section(MULTIPART, structure, FetchRequest.Kind.CONTENT, 3, 2));
            assertNull(section(MULTIPART, structure, FetchRequest.Kind.CONTENT, 4));
        }
    }
}
