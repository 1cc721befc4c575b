package dev.merpati.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ENVELOPE, BODY and the header size computed once when a message is stored, in any chunk size. */
class MessageStructureTest {

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

    @Test
    void simpleMessage() {
        byte[] bytes = SIMPLE.getBytes(StandardCharsets.US_ASCII);
        MessageStructure structure = parse(bytes, 7);
        assertEquals(SIMPLE.indexOf("line one"), structure.headerSize());
        assertEquals(
                "(\"Mon, 7 Feb 1994 21:52:25 -0800\" \"Hi there\" ((\"Alice\" NIL \"alice\" \"x.test\"))"
                        + " ((\"Alice\" NIL \"alice\" \"x.test\")) ((\"Alice\" NIL \"alice\" \"x.test\"))"
                        + " ((NIL NIL \"bob\" \"y.test\")(\"C, D\" NIL \"cd\" \"z.test\")) NIL NIL NIL \"<1@x.test>\")",
                structure.envelope());
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 20 2)", structure.body());
    }

    @Test
    void nestedParts() {
        byte[] bytes = MULTIPART.getBytes(StandardCharsets.US_ASCII);
        for (int chunk : new int[] {5, 64, 100_000}) {
            MessageStructure structure = parse(bytes, chunk);
            assertEquals(
                    "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 12 1)"
                            + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 28"
                            + " (NIL \"inner\" NIL NIL NIL NIL NIL NIL NIL NIL)"
                            + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 0) 2)"
                            + "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 5 0)"
                            + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 8 0) \"ALTERNATIVE\")"
                            + " \"MIXED\")",
                    structure.body(),
                    "chunk " + chunk);
        }
    }
}
