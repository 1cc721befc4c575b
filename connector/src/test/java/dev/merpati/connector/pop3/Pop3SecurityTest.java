package dev.merpati.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ServerTls;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.ScriptClient;
import dev.merpati.testkit.TestKeystore;
import dev.merpati.testkit.TestSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STLS, POP3S, AUTH PLAIN, the plaintext-login policy, the maildrop lock and the login limits. */
class Pop3SecurityTest {

    private static final Duration DELAY = Duration.ofMillis(300);

    @TempDir
    static Path directory;

    private static ServerTls tls;

    private final FakeMaildrop maildrop = new FakeMaildrop();
    private final MaildropLocks locks = new MaildropLocks();
    private TestServers servers;

    @BeforeAll
    static void keystore() throws Exception {
        tls = ServerTls.fromKeystore(TestKeystore.create(directory, "localhost"), TestKeystore.PASSWORD, "PKCS12");
    }

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        maildrop.add(101, "Subject: one\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    /** A loopback client that is NOT allowed plaintext logins (as a remote client would be). */
    private static Pop3Config remoteClientConfig() {
        return Pop3Config.defaults()
                .withTls(tls)
                .withPlaintextAuthClients(ClientNetworks.parse(""))
                .withFailedLogins(DELAY, 3);
    }

    private int start(Pop3Config config, boolean implicitTls) throws InterruptedException {
        return servers.start(new Pop3ChannelInitializer(
                config,
                locks,
                implicitTls,
                ListenerInvoker.direct(maildrop, servers.workers()),
                ListenerInvoker.direct(maildrop, servers.workers())));
    }

    @Test
    void withoutTlsAPasswordIsRefusedAndNotOffered() throws Exception {
        try (var client = new ScriptClient(start(remoteClientConfig(), false))) {
            client.script(
                    "S: +OK",
                    "C: CAPA",
                    "S: +OK",
                    "S: TOP",
                    "S: UIDL",
                    "S: RESP-CODES",
                    "S: AUTH-RESP-CODE",
                    "S: PIPELINING",
                    "S: EXPIRE NEVER",
                    "S: STLS",
                    "S: IMPLEMENTATION Merpati",
                    "S: .",
                    "C: USER alice",
                    "S: -ERR [AUTH] Plaintext authentication disallowed",
                    "C: PASS secret",
                    "S: -ERR no USER command",
                    "C: AUTH PLAIN " + plain("", "alice", "secret"),
                    "S: -ERR [AUTH] Plaintext authentication disallowed",
                    "C: AUTH",
                    "S: +OK",
                    "S: .");
        }
    }

    @Test
    void stlsDiscardsPipelinedCommandsThenAllowsLogin() throws Exception {
        try (var plain = new ScriptClient(start(remoteClientConfig(), false))) {
            plain.expect("+OK");
            // The USER behind STLS arrives in the clear before the handshake: it must be forgotten.
            plain.send("STLS\r\nUSER alice\r\n");
            plain.expect("+OK Begin TLS negotiation");
            try (var client = new ScriptClient(TestSockets.upgrade(plain.socket()))) {
                client.script(
                        "C: PASS secret",
                        "S: -ERR no USER command",
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
                        "C: STLS",
                        "S: -ERR TLS is already active",
                        "C: USER alice",
                        "S: +OK",
                        "C: PASS secret",
                        "S: +OK Logged in.",
                        "C: RETR 1",
                        "S: +OK",
                        "S: Subject: one",
                        "S: ",
                        "S: Hello",
                        "S: .",
                        "C: QUIT",
                        "S: +OK Bye");
            }
        }
    }

    @Test
    void stlsIsRefusedWithoutAKeystore() throws Exception {
        try (var client = new ScriptClient(start(Pop3Config.defaults(), false))) {
            client.script("S: +OK", "C: STLS", "S: -ERR STLS not available", "C: USER alice", "S: +OK");
        }
    }

    @Test
    void pop3sSpeaksTlsFromTheFirstByte() throws Exception {
        int port = start(remoteClientConfig(), true);
        try (var client = new ScriptClient(TestSockets.tls(port))) {
            client.script(
                    "S: +OK Merpati POP3 server ready",
                    "C: STLS",
                    "S: -ERR TLS is already active",
                    "C: AUTH PLAIN " + plain("", "alice", "secret"),
                    "S: +OK Logged in.",
                    "C: STAT",
                    "S: +OK 1 ");
            assertTrue(((SSLSocket) client.socket()).getSession().getProtocol().startsWith("TLSv1."));
        }
    }

    @Test
    void authPlainWithAndWithoutInitialResponse() throws Exception {
        int port = start(Pop3Config.defaults().withFailedLogins(Duration.ZERO, 10), false);
        try (var client = new ScriptClient(port)) {
            client.script(
                    "S: +OK",
                    "C: AUTH",
                    "S: +OK",
                    "S: PLAIN",
                    "S: .",
                    "C: AUTH CRAM-MD5",
                    "S: -ERR Unsupported authentication mechanism",
                    "C: AUTH PLAIN",
                    "S: + ",
                    "C: *",
                    "S: -ERR Authentication cancelled",
                    "C: AUTH PLAIN",
                    "S: + ",
                    "C: " + "QUFB".repeat(200),
                    "S: -ERR line too long",
                    "C: NOOP",
                    "S: -ERR command not valid in this state",
                    "C: AUTH PLAIN !!!notbase64",
                    "S: -ERR [AUTH] Invalid base64",
                    "C: AUTH PLAIN =",
                    "S: -ERR [AUTH] Invalid PLAIN",
                    "C: AUTH PLAIN " + plain("bob", "alice", "secret"),
                    "S: -ERR [AUTH] Invalid PLAIN",
                    "C: AUTH PLAIN " + plain("", "alice", "wrong"),
                    "S: -ERR [AUTH] Authentication failed",
                    "C: AUTH plain",
                    "S: + ",
                    "C: " + plain("alice", "alice", "secret"),
                    "S: +OK Logged in.",
                    "C: AUTH PLAIN",
                    "S: -ERR command not valid in this state",
                    "C: STAT",
                    "S: +OK 1 ");
        }
        try (var client = new ScriptClient(port)) {
            client.script("S: +OK", "C: AUTH PLAIN " + plain("", "alice", "secret"), "S: +OK Logged in.");
        }
    }

    @Test
    void aSecondSessionFindsTheMaildropInUseUntilTheFirstEnds() throws Exception {
        int port = start(Pop3Config.defaults(), false);
        try (var first = new ScriptClient(port);
                var second = new ScriptClient(port)) {
            first.script("S: +OK", "C: USER alice", "S: +OK", "C: PASS secret", "S: +OK Logged in.", "C: DELE 1");
            first.expect("+OK");
            second.script(
                    "S: +OK",
                    "C: USER alice",
                    "S: +OK",
                    "C: PASS secret",
                    "S: -ERR [IN-USE]",
                    "C: AUTH PLAIN " + plain("", "alice", "secret"),
                    "S: -ERR [IN-USE]",
                    "C: STAT",
                    "S: -ERR command not valid in this state");
            first.script("C: QUIT", "S: +OK Bye");
            // QUIT releases the lock before its reply: the next login succeeds at once.
            second.script("C: USER alice", "S: +OK", "C: PASS secret", "S: +OK Logged in.", "C: STAT", "S: +OK 0 0");
        }
        assertEquals(List.of(List.of(101L)), maildrop.deletions);
    }

    @Test
    void theLockOfADroppedConnectionIsReleased() throws Exception {
        int port = start(Pop3Config.defaults(), false);
        try (var first = new ScriptClient(port)) {
            first.script("S: +OK", "C: USER alice", "S: +OK", "C: PASS secret", "S: +OK Logged in.");
        } // closed without QUIT
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (locks.isLocked(FakeMaildrop.ACCOUNT) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        try (var next = new ScriptClient(port)) {
            next.script("S: +OK", "C: USER alice", "S: +OK", "C: PASS secret", "S: +OK Logged in.");
        }
        assertEquals(0, maildrop.deletions.size(), "a dropped session deletes nothing");
    }

    @Test
    void failedLoginsAreDelayedWithoutBlockingOthersAndCounted() throws Exception {
        int port = start(Pop3Config.defaults().withFailedLogins(DELAY, 3), false);
        try (var guesser = new ScriptClient(port);
                var other = new ScriptClient(port)) {
            guesser.script("S: +OK", "C: USER alice", "S: +OK");
            other.expect("+OK");
            long start = System.nanoTime();
            guesser.sendLine("PASS wrong1");
            // The test server has one event-loop thread: the other client is served during the delay.
            other.script("C: CAPA", "S: +OK");
            assertTrue(System.nanoTime() - start < DELAY.toNanos(), "the delay blocked the event loop");
            guesser.expect("-ERR [AUTH] Authentication failed");
            assertTrue(System.nanoTime() - start >= DELAY.toNanos(), "the failure was not delayed");
            guesser.script("C: USER alice", "S: +OK", "C: PASS wrong2", "S: -ERR [AUTH] Authentication failed");
            guesser.script("C: AUTH PLAIN " + plain("", "alice", "wrong3"), "S: -ERR [AUTH] Authentication failed;");
            guesser.expectClosed();
        }
    }

    @Test
    void anIdleClientIsDisconnected() throws Exception {
        int port = start(Pop3Config.defaults().withIdleTimeout(Duration.ofMillis(300)), false);
        try (var client = new ScriptClient(port)) {
            client.script("S: +OK", "C: USER alice", "S: +OK", "C: PASS secret", "S: +OK");
            client.expect("-ERR Disconnected for inactivity.");
            client.expectClosed();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (locks.isLocked(FakeMaildrop.ACCOUNT) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!locks.isLocked(FakeMaildrop.ACCOUNT), "the idle session's lock was not released");
    }

    @Test
    void theDefaultIdleTimeoutIsAtLeastTenMinutes() {
        assertTrue(Pop3Config.defaults().idleTimeout().compareTo(Duration.ofMinutes(10)) >= 0);
    }

    static String plain(String authzid, String authcid, String password) {
        String message = authzid + "\0" + authcid + "\0" + password;
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }
}
