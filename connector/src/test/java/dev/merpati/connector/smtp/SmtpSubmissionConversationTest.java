package dev.merpati.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.DsnRequest;
import dev.merpati.connector.api.RecipientDsn;
import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ServerTls;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.ScriptClient;
import dev.merpati.testkit.TestKeystore;
import dev.merpati.testkit.TestSockets;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS, implicit TLS, AUTH, the submission rules, BDAT, SMTPUTF8 and connection limits on real sockets. */
class SmtpSubmissionConversationTest {

    private static final String HOST = "mx.test";
    private static final Duration AUTH_DELAY = Duration.ofMillis(300);

    @TempDir
    static Path keystoreDirectory;

    private static ServerTls tls;

    @TempDir
    Path spoolDirectory;

    private final FakeMailReceiver receiver = new FakeMailReceiver();
    private final AtomicInteger logins = new AtomicInteger();
    private final AuthenticationListener accounts = (login, password) -> {
        logins.incrementAndGet();
        return (login.equals("alice") || login.equals("alice@x.test")) && password.equals("secret")
                ? new AuthenticatedUser(1, "alice@x.test")
                : null;
    };
    private TestServers servers;
    private SmtpConfig config;

    @BeforeAll
    static void keystore() throws Exception {
        tls = ServerTls.fromKeystore(
                TestKeystore.create(keystoreDirectory, "localhost"), TestKeystore.PASSWORD, "PKCS12");
    }

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        config = new SmtpConfig(
                HOST, 10_000, 5, 2048, 20, Duration.ofSeconds(30), 4096, spoolDirectory, ClientNetworks.parse(""));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private int start(SmtpListener listener, ConnectionLimiter limiter) throws InterruptedException {
        return servers.start(new SmtpChannelInitializer(
                config,
                listener.withAuthFailures(AUTH_DELAY, 3),
                ListenerInvoker.direct(receiver, servers.workers()),
                ListenerInvoker.direct(accounts, servers.workers()),
                limiter));
    }

    /** Submission on port 587: TLS by STARTTLS, plaintext logins only from {@code plaintextClients}. */
    private ScriptClient submission(String plaintextClients) throws InterruptedException {
        int port = start(
                SmtpListener.submission(
                        SmtpListener.Role.SUBMISSION, tls, ClientNetworks.parse(plaintextClients), true),
                ConnectionLimiter.unlimited());
        var client = new ScriptClient(port);
        client.expect("220 " + HOST + " ESMTP Merpati");
        return client;
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ScriptClient startTls(ScriptClient client) {
        client.script("C: STARTTLS", "S: 220 2.0.0 Ready to start TLS");
        return client.startTls();
    }

    private static void ehlo(ScriptClient client, String... extensions) {
        client.sendLine("EHLO client.test");
        client.expect("250-" + HOST);
        client.expect("250-PIPELINING");
        client.expect("250-SIZE 10000");
        for (String extension : extensions) {
            client.expect("250-" + extension);
        }
        client.script(
                "S: 250-ENHANCEDSTATUSCODES", "S: 250-8BITMIME", "S: 250-DSN", "S: 250-SMTPUTF8", "S: 250 CHUNKING");
    }

    @Test
    void mxPortOffersStartTlsButNoAuthAndRecordsEsmtps() throws Exception {
        int port = start(SmtpListener.mx(tls), ConnectionLimiter.unlimited());
        try (var plain = new ScriptClient(port)) {
            plain.expect("220 ");
            ehlo(plain, "STARTTLS");
            plain.script("C: AUTH PLAIN " + plain("alice", "secret"), "S: 503 5.5.1 Error: authentication not enabled");
            try (var client = startTls(plain)) {
                ehlo(client);
                client.script(
                        "C: STARTTLS",
                        "S: 554 5.5.1 Error: TLS already active",
                        "C: MAIL FROM:<someone@elsewhere.test>",
                        "S: 250 2.1.0",
                        "C: RCPT TO:<bob@x.test>",
                        "S: 250 2.1.5",
                        "C: DATA",
                        "S: 354",
                        "C: Subject: over TLS",
                        "C: .",
                        "S: 250 2.0.0 Ok: queued as Q1");
            }
        }
        assertEquals("ESMTPS", receiver.stored.get(0).mail().protocol());
        assertEquals(0, logins.get());
    }

    @Test
    void startTlsDiscardsPipelinedInputAndForgetsTheSession() throws Exception {
        try (var plain = submission("")) {
            ehlo(plain, "STARTTLS");
            // A man in the middle appends commands behind STARTTLS in the clear: they must never run.
            plain.send("STARTTLS\r\nAUTH PLAIN " + plain("alice", "secret") + "\r\n");
            plain.expect("220 2.0.0 Ready to start TLS");
            try (var client = plain.startTls()) {
                client.script("C: MAIL FROM:<alice@x.test>", "S: 503 5.5.1 Error: send HELO/EHLO first");
                ehlo(client, "AUTH PLAIN LOGIN");
                client.script("C: MAIL FROM:<alice@x.test>", "S: 530 5.7.0 Authentication required");
            }
        }
        assertEquals(0, logins.get(), "the injected AUTH was executed");
    }

    @Test
    void noPasswordsInTheClearFromUntrustedClients() throws Exception {
        try (var client = submission("")) {
            ehlo(client, "STARTTLS");
            client.script(
                    "C: AUTH PLAIN " + plain("alice", "secret"),
                    "S: 538 5.7.11 Encryption required",
                    "C: MAIL FROM:<alice@x.test>",
                    "S: 530 5.7.0 Authentication required");
        }
        assertEquals(0, logins.get());
    }

    @Test
    void authPlainUnderTlsThenOwnSenderOnlyAndRelayAllowed() throws Exception {
        try (var plain = submission("")) {
            ehlo(plain, "STARTTLS");
            var client = startTls(plain);
            ehlo(client, "AUTH PLAIN LOGIN");
            client.script(
                    "C: AUTH PLAIN " + plain("alice", "secret"),
                    "S: 235 2.7.0 Authentication successful",
                    "C: AUTH PLAIN " + plain("alice", "secret"),
                    "S: 503 5.5.1 Error: already authenticated",
                    "C: MAIL FROM:<bob@x.test>",
                    "S: 553 5.7.1 <bob@x.test>: Sender address rejected: not owned by user alice@x.test",
                    "C: MAIL FROM:<Alice@X.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<someone@far.away.test>",
                    "S: 250 2.1.5",
                    "C: BDAT 16",
                    "C: Subject: chunk",
                    "S: 250 2.0.0 Ok: 16 octets received",
                    "C: BDAT 8 LAST",
                    "C: \r\nbody",
                    "S: 250 2.0.0 Ok: queued as Q1");
        }
        var check = receiver.checks.get(0);
        assertTrue(check.relayAllowed());
        assertEquals("alice@x.test", check.authenticatedUser());
        var mail = receiver.stored.get(0).mail();
        assertEquals("ESMTPSA", mail.protocol());
        assertEquals("alice@x.test", mail.authenticatedUser());
        assertEquals("Subject: chunk\r\n\r\nbody\r\n", receiver.content(0));
    }

    @Test
    void aSenderMayUseTheAliasesThatReachThem() throws Exception {
        receiver.aliasOwners.put("team@x.test", 1L);
        receiver.aliasOwners.put("sales@x.test", 2L);
        try (var client = submission("127.0.0.1")) {
            ehlo(client, "STARTTLS", "AUTH PLAIN LOGIN");
            client.script(
                    "C: AUTH PLAIN " + plain("alice", "secret"),
                    "S: 235 2.7.0",
                    "C: MAIL FROM:<Team@x.test>",
                    "S: 250 2.1.0 Ok",
                    "C: RSET",
                    "S: 250 2.0.0",
                    "C: MAIL FROM:<sales@x.test>",
                    "S: 553 5.7.1 <sales@x.test>: Sender address rejected: not owned by user alice@x.test",
                    "C: MAIL FROM:<broken@x.test>",
                    "S: 451 4.3.0 Error: temporary failure checking the sender address",
                    "C: MAIL FROM:<>",
                    "S: 250 2.1.0 Ok");
        }
    }

    @Test
    void authLoginInTheClearFromATrustedClientAndPlainWithoutInitialResponse() throws Exception {
        try (var client = submission("127.0.0.1")) {
            ehlo(client, "STARTTLS", "AUTH PLAIN LOGIN");
            client.script(
                    "C: AUTH LOGIN",
                    "S: 334 VXNlcm5hbWU6",
                    "C: " + base64("alice@x.test"),
                    "S: 334 UGFzc3dvcmQ6",
                    "C: " + base64("secret"),
                    "S: 235 2.7.0",
                    "C: MAIL FROM:<alice@x.test>",
                    "S: 250 2.1.0");
        }
        try (var client = submission("127.0.0.1")) {
            ehlo(client, "STARTTLS", "AUTH PLAIN LOGIN");
            client.script(
                    "C: AUTH PLAIN",
                    "S: 334 ",
                    "C: *",
                    "S: 501 5.7.0 Authentication aborted",
                    "C: AUTH PLAIN",
                    "S: 334 ",
                    "C: not base64!",
                    "S: 501 5.5.2 Cannot decode response",
                    "C: AUTH CRAM-MD5",
                    "S: 504 5.5.4",
                    "C: AUTH PLAIN",
                    "S: 334 ",
                    "C: " + plain("alice", "secret"),
                    "S: 235 2.7.0");
        }
    }

    @Test
    void failedLoginsAreDelayedAndTooManyEndTheSession() throws Exception {
        try (var client = submission("127.0.0.1")) {
            ehlo(client, "STARTTLS", "AUTH PLAIN LOGIN");
            long started = System.nanoTime();
            client.script("C: AUTH PLAIN " + plain("alice", "wrong"), "S: 535 5.7.8 Error: authentication failed");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(AUTH_DELAY) >= 0, "not delayed");
            client.script(
                    "C: AUTH PLAIN " + plain("mallory", "secret"),
                    "S: 535 5.7.8",
                    "C: AUTH LOGIN " + base64("alice"),
                    "S: 334 UGFzc3dvcmQ6",
                    "C: " + base64("guess"),
                    "S: 421 4.7.0 " + HOST + " Error: too many failed authentications");
            client.expectClosed();
        }
    }

    @Test
    void implicitTlsPortSpeaksTlsFirstAndOffersAuth() throws Exception {
        int port = start(
                SmtpListener.submission(SmtpListener.Role.SUBMISSIONS, tls, ClientNetworks.parse(""), true),
                ConnectionLimiter.unlimited());
        Socket socket = TestSockets.tls(port);
        try (var client = new ScriptClient(socket)) {
            client.expect("220 " + HOST);
            ehlo(client, "AUTH PLAIN LOGIN");
            client.script(
                    "C: STARTTLS",
                    "S: 502 5.5.1",
                    "C: AUTH PLAIN " + plain("alice", "secret"),
                    "S: 235 2.7.0",
                    "C: QUIT",
                    "S: 221 2.0.0");
        }
    }

    @Test
    void bdatContentIsAlwaysConsumedNeverRunAsCommands() throws Exception {
        int port = start(SmtpListener.mx(null), ConnectionLimiter.unlimited());
        try (var client = new ScriptClient(port)) {
            client.expect("220 ");
            ehlo(client);
            String hidden = "MAIL FROM:<evil@x.test>\r\n"; // 25 octets: content of a refused chunk
            client.send("BDAT 25\r\n" + hidden + "NOOP\r\n");
            client.script("S: 503 5.5.1 Error: need MAIL command", "S: 250 2.0.0 Ok");
            client.script(
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<b@x.test>",
                    "S: 250 2.1.5",
                    "C: BDAT 0 LAST",
                    "S: 250 2.0.0 Ok: queued as Q1",
                    "C: MAIL FROM:<a@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<b@x.test>",
                    "S: 250 2.1.5",
                    "C: BDAT 3",
                    "C: x",
                    "S: 250 2.0.0 Ok: 3 octets received",
                    "C: DATA",
                    "S: 503 5.5.1 Error: DATA after BDAT",
                    "C: RSET",
                    "S: 250 2.0.0",
                    "C: BDAT many",
                    "S: 501 5.5.4 Syntax: BDAT size [LAST]");
            client.expectClosed();
        }
        assertEquals(1, receiver.stored.size());
        assertEquals("", receiver.content(0));
    }

    @Test
    void oversizedChunkedMessageIsRefused() throws Exception {
        int port = start(SmtpListener.mx(null), ConnectionLimiter.unlimited());
        try (var client = new ScriptClient(port)) {
            client.expect("220 ");
            client.script(
                    "C: HELO c", "S: 250", "C: MAIL FROM:<a@x.test>", "S: 250", "C: RCPT TO:<b@x.test>", "S: 250");
            client.send("BDAT 12000\r\n" + "x".repeat(12000));
            client.script("S: 552 5.3.4 Message size exceeds fixed limit", "C: BDAT 2 LAST", "C: ", "S: 503 5.5.1");
        }
        assertTrue(receiver.stored.isEmpty());
    }

    @Test
    void utf8AddressesNeedSmtputf8() throws Exception {
        int port = start(SmtpListener.mx(null), ConnectionLimiter.unlimited());
        try (var client = new ScriptClient(port)) {
            client.expect("220 ");
            ehlo(client);
            client.send("MAIL FROM:<j\u00f6rg@x.test>\r\n".getBytes(StandardCharsets.UTF_8));
            client.expect("553 5.6.7");
            client.send("MAIL FROM:<j\u00f6rg@x.test> SMTPUTF8\r\nRCPT TO:<\u00e9lise@x.test>\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            client.script("S: 250 2.1.0", "S: 250 2.1.5");
        }
        assertEquals("\u00e9lise@x.test", receiver.checks.get(0).recipient());
    }

    @Test
    void dsnParametersAreCheckedAndPassedOn() throws Exception {
        int port = start(SmtpListener.mx(null), ConnectionLimiter.unlimited());
        try (var client = new ScriptClient(port)) {
            client.expect("220 ");
            ehlo(client);
            client.script(
                    "C: MAIL FROM:<a@x.test> RET=PARTLY",
                    "S: 501 5.5.4 Bad RET parameter",
                    "C: MAIL FROM:<a@x.test> ENVID=bad=id",
                    "S: 501 5.5.4 Bad ENVID parameter",
                    "C: MAIL FROM:<a@x.test> RET=hdrs ENVID=QQ+2B314159",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<b@x.test> NOTIFY=NEVER,SUCCESS",
                    "S: 501 5.5.4 Bad NOTIFY parameter",
                    "C: RCPT TO:<b@x.test> ORCPT=bob@x.test",
                    "S: 501 5.5.4 Bad ORCPT parameter",
                    "C: RCPT TO:<b@x.test> NOTIFY=failure,DELAY ORCPT=rfc822;b@x.test",
                    "S: 250 2.1.5",
                    "C: RCPT TO:<c@x.test>",
                    "S: 250 2.1.5",
                    "C: RCPT TO:<d@x.test> NOTIFY=never",
                    "S: 250 2.1.5",
                    "C: DATA",
                    "S: 354",
                    "C: .",
                    "S: 250 2.0.0");
        }
        var mail = receiver.stored.get(0).mail();
        assertEquals(new DsnRequest("HDRS", "QQ+2B314159"), mail.dsn());
        assertEquals(
                Map.of(
                        "b@x.test", new RecipientDsn("FAILURE,DELAY", "rfc822;b@x.test"),
                        "d@x.test", new RecipientDsn("NEVER", null)),
                mail.recipientDsn());
    }

    @Test
    void connectionsBeyondTheLimitGet421() throws Exception {
        var limiter = new ConnectionLimiter(10, 2);
        int port = start(SmtpListener.mx(null), limiter);
        try (var first = new ScriptClient(port);
                var second = new ScriptClient(port)) {
            first.expect("220 ");
            second.expect("220 ");
            try (var third = new ScriptClient(port)) {
                third.expect("421 4.7.0 " + HOST + " Error: too many connections");
                third.expectClosed();
            }
            first.script("C: QUIT", "S: 221");
            first.expectClosed();
            for (int i = 0; i < 50 && limiter.open() > 1; i++) {
                Thread.sleep(20);
            }
            try (var fourth = new ScriptClient(port)) {
                fourth.expect("220 ");
            }
        }
        assertFalse(limiter.open() > 2);
    }
}
