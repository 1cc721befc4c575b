package dev.merpati.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.ScriptClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Pop3ConversationTest {

    private static final String FIRST = "From: a@x.test\r\nSubject: one\r\n\r\nline1\r\n.dotted\r\nline3\r\n";
    private static final String SECOND = "Subject: two\r\n\r\nno final newline";

    private final FakeMaildrop maildrop = new FakeMaildrop();
    private TestServers servers;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        maildrop.add(101, FIRST.getBytes(StandardCharsets.US_ASCII));
        maildrop.add(102, SECOND.getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        int port = servers.start(new Pop3ChannelInitializer(
                Pop3Config.defaults().withFailedLogins(Duration.ofMillis(50), 3),
                ListenerInvoker.direct(maildrop, servers.workers()),
                ListenerInvoker.direct(maildrop, servers.workers())));
        var client = new ScriptClient(port);
        client.expect("+OK Merpati POP3 server ready");
        return client;
    }

    private static void login(ScriptClient client) {
        client.script("C: USER alice", "S: +OK", "C: PASS secret", "S: +OK Logged in.");
    }

    @Test
    void capabilitiesAndAuthentication() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: CAPA",
                    "S: +OK",
                    "S: TOP",
                    "S: UIDL",
                    "S: RESP-CODES",
                    "S: AUTH-RESP-CODE",
                    "S: PIPELINING",
                    "S: EXPIRE NEVER",
                    "S: USER",
                    "S: SASL PLAIN",
                    "S: IMPLEMENTATION Merpati",
                    "S: .",
                    "C: STAT",
                    "S: -ERR",
                    "C: PASS secret",
                    "S: -ERR no USER command",
                    "C: USER alice",
                    "S: +OK",
                    "C: PASS wrong",
                    "S: -ERR [AUTH] Authentication failed",
                    "C: USER alice",
                    "S: +OK",
                    "C: PASS secret",
                    "S: +OK Logged in.",
                    "C: USER bob",
                    "S: -ERR command not valid in this state",
                    "C: CAPA",
                    "S: +OK",
                    "S: TOP",
                    "S: UIDL",
                    "S: RESP-CODES",
                    "S: AUTH-RESP-CODE",
                    "S: PIPELINING",
                    "S: EXPIRE NEVER",
                    "S: IMPLEMENTATION Merpati",
                    "S: .",
                    "C: STLS",
                    "S: -ERR command not valid in this state",
                    "C: QUIT",
                    "S: +OK Bye");
            client.expectClosed();
        }
        assertEquals(0, maildrop.deletions.size());
    }

    @Test
    void statListAndUidl() throws Exception {
        int total = FIRST.length() + SECOND.length();
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: STAT",
                    "S: +OK 2 " + total,
                    "C: LIST",
                    "S: +OK 2 messages (" + total + " octets)",
                    "S: 1 " + FIRST.length(),
                    "S: 2 " + SECOND.length(),
                    "S: .",
                    "C: LIST 2",
                    "S: +OK 2 " + SECOND.length(),
                    "C: UIDL",
                    "S: +OK",
                    "S: 1 uid-101",
                    "S: 2 uid-102",
                    "S: .",
                    "C: UIDL 1",
                    "S: +OK 1 uid-101",
                    "C: LIST 3",
                    "S: -ERR no such message",
                    "C: LIST x",
                    "S: -ERR invalid message number",
                    "C: NOOP",
                    "S: +OK");
        }
    }

    @Test
    void deleThenRsetRestoresEverything() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: DELE 1",
                    "S: +OK message 1 deleted",
                    "C: DELE 1",
                    "S: -ERR message already deleted",
                    "C: RETR 1",
                    "S: -ERR message already deleted",
                    "C: LIST",
                    "S: +OK 1 messages (" + SECOND.length() + " octets)",
                    "S: 2 " + SECOND.length(),
                    "S: .",
                    "C: STAT",
                    "S: +OK 1 " + SECOND.length(),
                    "C: RSET",
                    "S: +OK 2 messages",
                    "C: STAT",
                    "S: +OK 2 ",
                    "C: QUIT",
                    "S: +OK Bye");
            client.expectClosed();
        }
        assertEquals(0, maildrop.deletions.size());
    }

    @Test
    void deleThenQuitRemovesTheMarkedMessages() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script("C: DELE 2", "S: +OK", "C: QUIT", "S: +OK Bye");
            client.expectClosed();
        }
        assertEquals(List.of(List.of(102L)), maildrop.deletions);
    }

    @Test
    void droppedConnectionDeletesNothing() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script("C: DELE 1", "S: +OK");
        }
        Thread.sleep(200);
        assertEquals(0, maildrop.deletions.size());
    }

    @Test
    void failedUpdateIsReported() throws Exception {
        maildrop.failDelete = true;
        try (var client = connect()) {
            login(client);
            client.script("C: DELE 1", "S: +OK", "C: QUIT", "S: -ERR [SYS/TEMP] some deleted messages not removed");
            client.expectClosed();
        }
    }

    @Test
    void retrByteStuffsAndEndsWithCrlf() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: RETR 1",
                    "S: +OK " + FIRST.length() + " octets",
                    "S: From: a@x.test",
                    "S: Subject: one",
                    "S: ",
                    "S: line1",
                    "S: ..dotted",
                    "S: line3",
                    "S: .",
                    "C: RETR 2",
                    "S: +OK",
                    "S: Subject: two",
                    "S: ",
                    "S: no final newline",
                    "S: .",
                    "C: RETR 9",
                    "S: -ERR no such message");
        }
    }

    @Test
    void topSendsHeaderAndSomeBodyLines() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: TOP 1 1",
                    "S: +OK",
                    "S: From: a@x.test",
                    "S: Subject: one",
                    "S: ",
                    "S: line1",
                    "S: .",
                    "C: TOP 1 0",
                    "S: +OK",
                    "S: From:",
                    "S: Subject:",
                    "S: ",
                    "S: .",
                    "C: TOP 1",
                    "S: -ERR syntax");
        }
    }

    @Test
    void retrOfALargeMessageStreamsItInChunks() throws Exception {
        byte[] large = largeMessage(5 * 1024 * 1024);
        maildrop.add(103, large);
        try (var client = connect()) {
            login(client);
            client.sendLine("RETR 3");
            client.expect("+OK " + large.length + " octets");
            Thread.sleep(300); // let the server fill the socket buffers: back-pressure must hold it
            assertArrayEquals(large, client.readMultiLineBody());
            client.script("C: NOOP", "S: +OK");
        }
        assertTrue(maildrop.reads.get() >= large.length / Pop3Config.DEFAULT_CHUNK_SIZE);
    }

    @Test
    void aClientThatStopsReadingStopsTheReads() throws Exception {
        byte[] large = largeMessage(16 * 1024 * 1024);
        maildrop.add(103, large);
        int chunks = large.length / Pop3Config.DEFAULT_CHUNK_SIZE;
        try (var client = connect()) {
            login(client);
            client.sendLine("RETR 3");
            client.expect("+OK");
            Thread.sleep(500);
            int readsWhileBlocked = maildrop.reads.get();
            assertTrue(readsWhileBlocked < chunks / 2, readsWhileBlocked + " of " + chunks);
            assertArrayEquals(large, client.readMultiLineBody());
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (var client = connect()) {
            client.send("USER alice\r\nPASS secret\r\nSTAT\r\nTOP 2 0\r\nDELE 1\r\nLIST 1\r\nQUIT\r\n");
            client.script(
                    "S: +OK",
                    "S: +OK Logged in.",
                    "S: +OK 2",
                    "S: +OK",
                    "S: Subject: two",
                    "S: ",
                    "S: .",
                    "S: +OK message 1 deleted",
                    "S: -ERR",
                    "S: +OK Bye");
            client.expectClosed();
        }
        assertEquals(List.of(List.of(101L)), maildrop.deletions);
    }

    @Test
    void overlongAndUnknownCommands() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: USER " + "a".repeat(600),
                    "S: -ERR line too long",
                    "C: FROB",
                    "S: -ERR unknown command",
                    "C: RETR 1",
                    "S: -ERR");
            login(client);
        }
    }

    @Test
    void transactionCommandsAreRefusedBeforeLogin() throws Exception {
        try (var client = connect()) {
            for (String command :
                    List.of("STAT", "LIST", "LIST 1", "UIDL", "RETR 1", "TOP 1 0", "DELE 1", "RSET", "NOOP")) {
                client.script("C: " + command, "S: -ERR command not valid in this state");
            }
            client.script("C: USER", "S: -ERR syntax: USER name", "C: QUIT", "S: +OK Bye");
            client.expectClosed();
        }
    }

    @Test
    void markedMessagesAreInvisibleToEveryCommand() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: DELE 1",
                    "S: +OK message 1 deleted",
                    "C: LIST 1",
                    "S: -ERR message already deleted",
                    "C: UIDL 1",
                    "S: -ERR message already deleted",
                    "C: TOP 1 0",
                    "S: -ERR message already deleted",
                    "C: UIDL",
                    "S: +OK",
                    "S: 2 uid-102",
                    "S: .",
                    "C: STAT",
                    "S: +OK 1 " + SECOND.length());
        }
    }

    @Test
    void badArgumentsGetClearErrors() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: DELE",
                    "S: -ERR invalid message number",
                    "C: DELE 0",
                    "S: -ERR invalid message number",
                    "C: DELE -1",
                    "S: -ERR invalid message number",
                    "C: DELE 99999999999",
                    "S: -ERR invalid message number",
                    "C: RETR",
                    "S: -ERR syntax: RETR message",
                    "C: RETR 1 2",
                    "S: -ERR syntax: RETR message",
                    "C: TOP 1 x",
                    "S: -ERR syntax: TOP message lines",
                    "C: TOP 1 -1",
                    "S: -ERR syntax: TOP message lines",
                    "C: TOP 3 1",
                    "S: -ERR no such message",
                    "C: UIDL 0",
                    "S: -ERR invalid message number",
                    "C: list 2",
                    "S: +OK 2 " + SECOND.length());
        }
    }

    @Test
    void aMessageRemovedBehindTheSessionsBackGetsAnError() throws Exception {
        try (var client = connect()) {
            login(client);
            maildrop.delete(List.of(101L));
            client.script("C: RETR 1", "S: -ERR no such message", "C: RETR 2", "S: +OK");
            client.readMultiLineBody();
        }
    }

    @Test
    void anEmptyMaildrop() throws Exception {
        maildrop.delete(List.of(101L, 102L));
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: STAT",
                    "S: +OK 0 0",
                    "C: LIST",
                    "S: +OK 0 messages (0 octets)",
                    "S: .",
                    "C: UIDL",
                    "S: +OK",
                    "S: .",
                    "C: RETR 1",
                    "S: -ERR no such message",
                    "C: QUIT",
                    "S: +OK Bye");
        }
    }

    /** Lines of varying length, many starting with ".", some only ".". */
    private static byte[] largeMessage(int size) {
        var random = new Random(42);
        var out = new ByteArrayOutputStream(size + 200);
        out.writeBytes("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        while (out.size() < size) {
            int kind = random.nextInt(4);
            String line =
                    switch (kind) {
                        case 0 -> ".";
                        case 1 -> "." + "d".repeat(random.nextInt(80));
                        case 2 -> "..x";
                        default -> "t".repeat(random.nextInt(200));
                    };
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
