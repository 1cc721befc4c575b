package dev.merpati.connector.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.net.TestServers;
import dev.merpati.testkit.ScriptClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IMAP4rev2 (RFC 9051) parts beyond rev1 over a real socket: STATUS DELETED and SIZE, FETCH
 * BINARY (RFC 3516). The server writes in 7-octet chunks, so decoding crosses chunk boundaries.
 */
class ImapRev2Test {

    private static final String ONE = "Subject: one\r\n\r\nbody\r\n";
    private static final String TWO = "Subject: two\r\n\r\nlonger body\r\n";

    /** Every octet value twice, NUL included: must come back as a literal8. */
    private static final byte[] DATA = new byte[512];

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) i;
        }
    }

    private static final String BASE64 = "Subject: data\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: BASE64\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(DATA) + "\r\n";

    private static final String QP = "Subject: text\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Caf=C3=A9 soft=\r\nbreak  \r\nend=3D\r\n";

    private static final byte[] QP_DECODED = "Café softbreak\r\nend=\r\n".getBytes(StandardCharsets.UTF_8);

    private static final String UUENCODED =
            "Subject: old\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\nend\r\n";

    private final FakeMailbox mailbox = new FakeMailbox();
    private TestServers servers;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        mailbox.add("INBOX", ONE);
        mailbox.add("INBOX", TWO);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        var client = ImapTestConnections.loggedIn(servers, mailbox);
        return client;
    }

    @Test
    void statusReportsSizeAndDeleted() throws Exception {
        int size = ONE.length() + TWO.length();
        try (var client = connect()) {
            client.script(
                    "C: s1 STATUS INBOX (MESSAGES SIZE DELETED)",
                    "S: * STATUS \"INBOX\" (MESSAGES 2 SIZE " + size + " DELETED 0)",
                    "S: s1 OK",
                    "C: s2 STATUS Trash (SIZE DELETED)",
                    "S: * STATUS \"Trash\" (SIZE 0 DELETED 0)",
                    "S: s2 OK",
                    "C: s3 SELECT INBOX");
            while (!client.readLine().startsWith("s3 OK")) {
                // the SELECT's untagged data
            }
            client.script(
                    "C: s4 STORE 2 +FLAGS.SILENT (\\Deleted)",
                    "S: s4 OK",
                    "C: s5 STATUS INBOX (DELETED SIZE)",
                    "S: * STATUS \"INBOX\" (DELETED 1 SIZE " + size + ")",
                    "S: s5 OK",
                    "C: s6 LIST \"\" INBOX RETURN (STATUS (DELETED SIZE))",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * STATUS \"INBOX\" (DELETED 1 SIZE " + size + ")",
                    "S: s6 OK",
                    "C: s7 EXPUNGE",
                    "S: * 2 EXPUNGE",
                    "S: * 1 RECENT",
                    "S: s7 OK",
                    "C: s8 STATUS INBOX (DELETED SIZE MESSAGES)",
                    "S: * STATUS \"INBOX\" (DELETED 0 SIZE " + ONE.length() + " MESSAGES 1)",
                    "S: s8 OK",
                    "C: s9 STATUS INBOX (DELETED FROB)",
                    "S: s9 BAD");
        }
    }

    private void select(ScriptClient client) {
        client.sendLine("x SELECT INBOX");
        while (!client.readLine().startsWith("x OK")) {
            // the SELECT's untagged data
        }
    }

    @Test
    void binaryDecodesBase64IntoALiteral8() throws Exception {
        mailbox.add("INBOX", BASE64);
        try (var client = connect()) {
            client.sendLine("c CAPABILITY");
            assertTrue(client.readLine().contains(" BINARY"));
            client.expect("c OK");
            select(client);
            client.script(
                    "C: b1 FETCH 3 (BINARY.SIZE[1] UID)",
                    "S: * 3 FETCH (UID 3 BINARY.SIZE[1] 512)",
                    "S: b1 OK",
                    "C: b2 FETCH 3 BINARY.PEEK[1]",
                    "S: * 3 FETCH (BINARY[1] ~{512}");
            assertArrayEquals(DATA, client.readBytes(DATA.length));
            client.script(
                    "S: )",
                    "S: b2 OK",
                    "C: b3 UID FETCH 3 BINARY.PEEK[1]<250.20>",
                    "S: * 3 FETCH (UID 3 BINARY[1]<250> ~{20}");
            assertArrayEquals(java.util.Arrays.copyOfRange(DATA, 250, 270), client.readBytes(20));
            client.script(
                    "S: )", "S: b3 OK", "C: b4 FETCH 3 BINARY.PEEK[1]<510.100>", "S: * 3 FETCH (BINARY[1]<510> ~{2}");
            assertArrayEquals(new byte[] {(byte) 254, (byte) 255}, client.readBytes(2));
            client.script(
                    "S: )",
                    "S: b4 OK",
                    "C: b5 FETCH 3 FLAGS",
                    "S: * 3 FETCH (FLAGS (\\Recent))",
                    "S: b5 OK",
                    "C: b6 FETCH 3 BINARY[1]<0.1>",
                    "S: * 3 FETCH (FLAGS (\\Seen \\Recent) BINARY[1]<0> ~{1}");
            assertArrayEquals(new byte[] {0}, client.readBytes(1));
            client.script("S: )", "S: b6 OK");
        }
    }

    @Test
    void binaryDecodesQuotedPrintableIntoALiteral() throws Exception {
        mailbox.add("INBOX", QP);
        try (var client = connect()) {
            select(client);
            client.script(
                    "C: q1 FETCH 3 (BINARY.SIZE[1] BINARY.PEEK[1])",
                    "S: * 3 FETCH (BINARY.SIZE[1] " + QP_DECODED.length + " BINARY[1] {" + QP_DECODED.length + "}");
            assertArrayEquals(QP_DECODED, client.readBytes(QP_DECODED.length));
            client.script("S: )", "S: q1 OK");
            // BINARY[] is the whole message as stored: no part of it is decoded.
            byte[] whole = QP.getBytes(StandardCharsets.US_ASCII);
            client.script("C: q2 FETCH 3 BINARY.PEEK[]", "S: * 3 FETCH (BINARY[] {" + whole.length + "}");
            assertEquals(QP, new String(client.readBytes(whole.length), StandardCharsets.US_ASCII));
            client.script("S: )", "S: q2 OK");
        }
    }

    @Test
    void unknownEncodingsAndBadSyntaxAreRefused() throws Exception {
        mailbox.add("INBOX", UUENCODED);
        try (var client = connect()) {
            select(client);
            client.script(
                    "C: u1 FETCH 3 BINARY.PEEK[1]",
                    "S: u1 NO [UNKNOWN-CTE]",
                    "C: u2 FETCH 1:3 BINARY.SIZE[1]",
                    "S: u2 NO [UNKNOWN-CTE]",
                    "C: u3 FETCH 1 BINARY.SIZE[1]",
                    "S: * 1 FETCH (BINARY.SIZE[1] 6)",
                    "S: u3 OK",
                    "C: u4 FETCH 1 BINARY[1.MIME]",
                    "S: u4 BAD",
                    "C: u5 FETCH 1 BINARY.SIZE[1]<0.5>",
                    "S: u5 BAD",
                    "C: u6 FETCH 1 BINARY[1.]",
                    "S: u6 BAD",
                    "C: u7 FETCH 1 BINARY",
                    "S: u7 BAD");
        }
    }

    @Test
    void appendTakesALiteral8() throws Exception {
        byte[] message = "Subject: nul\r\n\r\na\0b\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (var client = connect()) {
            client.script("C: p1 APPEND Trash ~{" + message.length + "}", "S: + ");
            client.send(message);
            client.send("\r\n");
            client.expect("p1 OK [APPENDUID 42 1]");
            client.send(
                    ("p2 APPEND INBOX (\\Seen) ~{" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            client.send(message);
            client.send("\r\n");
            client.expect("p2 OK [APPENDUID 42 3]");
            client.script("C: p3 APPEND INBOX ~abc", "S: p3 BAD");
        }
        assertArrayEquals(message, mailbox.folders.get("Trash").messages.get(1L).bytes);
        assertArrayEquals(message, mailbox.folders.get("INBOX").messages.get(3L).bytes);
    }
}
