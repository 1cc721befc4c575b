package dev.merpati.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.ScriptClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpConversationTest {

    private static final String HOST = SmtpTestConnections.HOST;

    @TempDir
    Path spoolDirectory;

    private final FakeMailReceiver receiver = new FakeMailReceiver();
    private TestServers servers;
    private SmtpConfig config;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        config = SmtpTestConnections.testConfig(spoolDirectory);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        return connect(config, ListenerInvoker.direct(receiver, servers.workers()));
    }

    private ScriptClient connect(SmtpConfig config, ListenerInvoker<MailReceiverListener> invoker)
            throws InterruptedException {
        return SmtpTestConnections.greeted(servers, config, invoker);
    }

    private static void ehlo(ScriptClient client) {
        client.script(
                "C: EHLO client.test",
                "S: 250-" + HOST,
                "S: 250-PIPELINING",
                "S: 250-SIZE 1048576",
                "S: 250-ENHANCEDSTATUSCODES",
                "S: 250-8BITMIME",
                "S: 250-DSN",
                "S: 250-SMTPUTF8",
                "S: 250 CHUNKING");
    }

    @Test
    void acceptsAMessageAndAnswers250OnlyOnceStored() throws Exception {
        try (var client = connect()) {
            ehlo(client);
            client.script(
                    "C: MAIL FROM:<alice@example.org> SIZE=100 BODY=8BITMIME",
                    "S: 250 2.1.0 Ok",
                    "C: RCPT TO:<bob@example.org>",
                    "S: 250 2.1.5 Ok",
                    "C: DATA",
                    "S: 354 End data with <CR><LF>.<CR><LF>",
                    "C: Subject: test",
                    "C: ",
                    "C: ..a line that starts with a dot",
                    "C: .",
                    "S: 250 2.0.0 Ok: queued as Q1",
                    "C: QUIT",
                    "S: 221 2.0.0 Bye");
            client.expectClosed();
        }
        assertEquals(1, receiver.stored.size());
        var mail = receiver.stored.get(0).mail();
        assertEquals("alice@example.org", mail.reversePath());
        assertEquals(List.of("bob@example.org"), mail.recipients());
        assertEquals("127.0.0.1", mail.clientAddress());
        assertEquals("client.test", mail.clientHostname());
        assertEquals("ESMTP", mail.protocol());
        assertNull(mail.authenticatedUser());
        assertEquals("Subject: test\r\n\r\n.a line that starts with a dot\r\n", receiver.content(0));
        assertEquals(receiver.stored.get(0).content().length, mail.content().size());
    }

    @Test
    void heloMeansProtocolSmtpAndNullSenderToPostmaster() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: HELO client.test",
                    "S: 250 " + HOST,
                    "C: MAIL FROM:<>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<postmaster>",
                    "S: 250 2.1.5",
                    "C: DATA",
                    "S: 354",
                    "C: .",
                    "S: 250 2.0.0 Ok: queued as");
        }
        var mail = receiver.stored.get(0).mail();
        assertEquals("SMTP", mail.protocol());
        assertEquals("", mail.reversePath());
        assertEquals(List.of("postmaster"), mail.recipients());
        assertEquals("postmaster", receiver.checks.get(0).recipient());
        assertEquals("", receiver.checks.get(0).reversePath());
        assertEquals("", receiver.content(0));
    }

    @Test
    void rejectsCommandsOutOfSequence() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: MAIL FROM:<a@x.test>",
                    "S: 503 5.5.1 Error: send HELO/EHLO first",
                    "C: HELO c",
                    "S: 250",
                    "C: RCPT TO:<b@x.test>",
                    "S: 503 5.5.1 Error: need MAIL command",
                    "C: DATA",
                    "S: 503 5.5.1",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250 2.1.0",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 503 5.5.1 Error: nested MAIL command",
                    "C: RSET",
                    "S: 250 2.0.0 Ok",
                    "C: RCPT TO:<b@x.test>",
                    "S: 503 5.5.1");
        }
    }

    @Test
    void syntaxAndUnknownCommands() throws Exception {
        try (var client = connect()) {
            ehlo(client);
            client.script(
                    "C: FOO bar",
                    "S: 500 5.5.2 Error: command not recognized",
                    "C: EHLO",
                    "S: 501 5.5.4 Syntax: EHLO hostname",
                    "C: MAIL TO:<a@x.test>",
                    "S: 501 5.5.4 Syntax: MAIL FROM:<address>",
                    "C: MAIL FROM:<a b@x.test>",
                    "S: 501 5.1.7",
                    "C: MAIL FROM:<a@x.test> SIZE=2000000",
                    "S: 552 5.3.4 Message size exceeds fixed limit",
                    "C: MAIL FROM:<a@x.test> FOO=BAR",
                    "S: 555 5.5.4 Unsupported option: FOO=BAR",
                    "C: MAIL FROM:<a@x.test> BODY=BINARYMIME",
                    "S: 501 5.5.4",
                    "C: MAIL FROM:<@relay.test:a@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<>",
                    "S: 501 5.1.3",
                    "C: RCPT TO:<b@x.test> XFORWARD=yes",
                    "S: 555 5.5.4",
                    "C: DATA now",
                    "S: 501 5.5.4 Syntax: DATA",
                    "C: VRFY bob",
                    "S: 252 2.0.0",
                    "C: HELP",
                    "S: 214 2.0.0",
                    "C: NOOP",
                    "S: 250 2.0.0 Ok");
        }
        assertEquals(
                "a@x.test",
                receiver.checks.size() == 0
                        ? "a@x.test"
                        : receiver.checks.get(0).reversePath());
    }

    @Test
    void recipientVerdictsBecomeReplies() throws Exception {
        try (var client = connect()) {
            ehlo(client);
            client.script(
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<unknown@example.org>",
                    "S: 550 5.1.1 <unknown@example.org>: Recipient address rejected: "
                            + "User unknown in local recipient table",
                    "C: RCPT TO:<remote@elsewhere.test>",
                    "S: 554 5.7.1 <remote@elsewhere.test>: Relay access denied",
                    "C: RCPT TO:<broken@example.org>",
                    "S: 451 4.3.0 <broken@example.org>: Temporary lookup failure",
                    "C: DATA",
                    "S: 554 5.5.1 Error: no valid recipients",
                    "C: RCPT TO:<bob@example.org>",
                    "S: 250 2.1.5 Ok");
        }
        assertEquals("a@x.test", receiver.checks.get(0).reversePath());
        assertEquals("127.0.0.1", receiver.checks.get(0).clientAddress());
    }

    @Test
    void tooManyRecipients() throws Exception {
        try (var client = connect(config.withMaxRecipients(2), ListenerInvoker.direct(receiver, servers.workers()))) {
            client.script(
                    "C: HELO c",
                    "S: 250",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250",
                    "C: RCPT TO:<b1@x.test>",
                    "S: 250 2.1.5",
                    "C: RCPT TO:<b2@x.test>",
                    "S: 250 2.1.5",
                    "C: RCPT TO:<b3@x.test>",
                    "S: 452 4.5.3 Error: too many recipients");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        receiver.delayMillis = 20;
        try (var client = connect()) {
            client.send("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nRCPT TO:<unknown@x.test>\r\n"
                    + "RCPT TO:<c@x.test>\r\nDATA\r\n");
            client.script(
                    "S: 250-" + HOST,
                    "S: 250-PIPELINING",
                    "S: 250-SIZE",
                    "S: 250-ENHANCEDSTATUSCODES",
                    "S: 250-8BITMIME",
                    "S: 250-DSN",
                    "S: 250-SMTPUTF8",
                    "S: 250 CHUNKING",
                    "S: 250 2.1.0",
                    "S: 250 2.1.5",
                    "S: 550 5.1.1",
                    "S: 250 2.1.5",
                    "S: 354");
            client.send("one\r\n.\r\nMAIL FROM:<d@x.test>\r\nRCPT TO:<e@x.test>\r\nDATA\r\n");
            client.script("S: 250 2.0.0 Ok: queued as Q1", "S: 250 2.1.0", "S: 250 2.1.5", "S: 354");
            client.send("two\r\n.\r\nNOOP\r\nQUIT\r\n");
            client.script("S: 250 2.0.0 Ok: queued as Q2", "S: 250 2.0.0 Ok", "S: 221 2.0.0 Bye");
            client.expectClosed();
        }
        assertEquals(
                List.of("b@x.test", "c@x.test"), receiver.stored.get(0).mail().recipients());
        assertEquals("one\r\n", receiver.content(0));
        assertEquals("two\r\n", receiver.content(1));
    }

    @Test
    void smugglingNeverSplitsAMessage() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: EHLO c",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250 ");
            client.send("MAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
            client.script("S: 250 2.1.0", "S: 250 2.1.5", "S: 354");
            client.send("Subject: one\r\n\r\nhello\n.\r\nMAIL FROM:<evil@x.test>\r\nRCPT TO:<victim@x.test>\r\n"
                    + "DATA\r\nSubject: smuggled\r\n\r\nsmuggled text\r\n.\n\r\n.\r\nNOOP\r\nQUIT\r\n");
            client.script("S: 250 2.0.0 Ok: queued as Q1", "S: 250 2.0.0 Ok", "S: 221 2.0.0 Bye");
            client.expectClosed();
        }
        assertEquals(1, receiver.stored.size());
        String content = receiver.content(0);
        assertTrue(content.contains("MAIL FROM:<evil@x.test>\r\n"), content);
        assertTrue(content.contains("smuggled text\r\n"), content);
        assertEquals(1, receiver.checks.size());
    }

    @Test
    void overlongLineIsRefusedAndDiscarded() throws Exception {
        try (var client = connect()) {
            client.sendLine("NOOP " + "x".repeat(100_000));
            client.script("S: 500 5.5.2 Error: line too long", "C: NOOP", "S: 250 2.0.0 Ok");
        }
    }

    @Test
    void oversizedMessageIsReadToItsEndAndRefused() throws Exception {
        try (var client =
                connect(config.withMaxMessageSize(10_000), ListenerInvoker.direct(receiver, servers.workers()))) {
            client.script(
                    "C: HELO c",
                    "S: 250",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250",
                    "C: RCPT TO:<b@x.test>",
                    "S: 250",
                    "C: DATA",
                    "S: 354");
            String line = "y".repeat(98) + "\r\n";
            client.send(line.repeat(1000) + ".\r\n");
            client.script("S: 552 5.3.4 Message size exceeds fixed limit", "C: MAIL FROM:<a@x.test>", "S: 250 2.1.0");
        }
        assertEquals(0, receiver.stored.size());
        assertEquals(0, spooledFiles());
    }

    @Test
    void largeMessageIsSpooledToAFileAndRemovedAfterwards() throws Exception {
        byte[] body = ("0123456789".repeat(10) + "\r\n").repeat(5000).getBytes(StandardCharsets.US_ASCII);
        try (var client = connect()) {
            client.send("HELO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
            client.script("S: 250", "S: 250", "S: 250", "S: 354");
            client.send(body);
            client.script("C: .", "S: 250 2.0.0 Ok: queued as");
        }
        assertArrayEquals(body, receiver.stored.get(0).content());
        assertEquals(0, spooledFiles());
    }

    @Test
    void failedStoreAnswers451AndResetsTheTransaction() throws Exception {
        receiver.failReceive = true;
        try (var client = connect()) {
            client.script(
                    "C: EHLO c",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250-",
                    "S: 250 ",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250",
                    "C: RCPT TO:<b@x.test>",
                    "S: 250",
                    "C: DATA",
                    "S: 354",
                    "C: text",
                    "C: .",
                    "S: 451 4.3.0 Error: queue file write error",
                    "C: RCPT TO:<b@x.test>",
                    "S: 503 5.5.1",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250 2.1.0");
        }
        assertEquals(0, spooledFiles());
    }

    @Test
    void tooManyErrorsCloseTheSession() throws Exception {
        try (var client = connect()) {
            for (int i = 0; i < 21; i++) {
                client.sendLine("BOGUS");
                client.expect("500 5.5.2");
            }
            client.expect("421 4.7.0 " + HOST + " Error: too many errors");
            client.expectClosed();
        }
    }

    @Test
    void idleClientIsDisconnected() throws Exception {
        try (var client = connect(
                config.withIdleTimeout(Duration.ofMillis(300)), ListenerInvoker.direct(receiver, servers.workers()))) {
            client.expect("421 4.4.2 " + HOST + " Error: timeout exceeded");
            client.expectClosed();
        }
    }

    @Test
    void withoutListenerTheGreetingIs421() throws Exception {
        ListenerInvoker<MailReceiverListener> none = new ListenerInvoker<>() {
            @Override
            public <T> CompletableFuture<T> invoke(Function<? super MailReceiverListener, ? extends T> call) {
                throw new AssertionError("not called");
            }

            @Override
            public boolean available() {
                return false;
            }
        };
        int port = servers.start(new SmtpChannelInitializer(config, none));
        try (var client = new ScriptClient(port)) {
            client.expect("421 4.3.2 " + HOST);
            client.expectClosed();
        }
    }

    private long spooledFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.count();
        }
    }
}
