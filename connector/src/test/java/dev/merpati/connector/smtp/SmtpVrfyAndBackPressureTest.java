package dev.merpati.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.connector.spi.ListenerUnavailableException;
import dev.merpati.testkit.ScriptClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VRFY as the operator configures it, and the reply when the pipeline cannot take a message. */
class SmtpVrfyAndBackPressureTest {

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

    private ScriptClient connect(SmtpConfig config, ListenerInvoker<MailReceiverListener> invoker)
            throws InterruptedException {
        return SmtpTestConnections.greeted(servers, config, invoker);
    }

    private ListenerInvoker<MailReceiverListener> direct() {
        return ListenerInvoker.direct(receiver, servers.workers());
    }

    @Test
    void vrfyByDefaultNeverTellsWhetherAUserExists() throws Exception {
        try (var client = connect(config, direct())) {
            client.script(
                    "C: VRFY <bob@merpati.test>",
                    "S: 252 2.0.0 Cannot VRFY user",
                    "C: VRFY unknown@merpati.test",
                    "S: 252 2.0.0 Cannot VRFY user",
                    "C: VRFY",
                    "S: 501 5.5.4 Syntax: VRFY address");
        }
        assertTrue(receiver.checks.isEmpty(), "no lookup when VRFY is disabled");
    }

    @Test
    void enabledVrfyAnswersThroughTheRecipientCheck() throws Exception {
        try (var client = connect(config.withVrfy(true), direct())) {
            client.script(
                    "C: VRFY <bob@merpati.test>",
                    "S: 250 2.0.0 <bob@merpati.test>",
                    "C: VRFY bob@merpati.test",
                    "S: 250 2.0.0 <bob@merpati.test>",
                    "C: VRFY unknown@merpati.test",
                    "S: 550 5.1.1 <unknown@merpati.test>: Recipient address rejected: User unknown",
                    "C: VRFY remote@elsewhere.test",
                    "S: 252 2.0.0 Cannot VRFY user",
                    "C: VRFY broken@merpati.test",
                    "S: 451 4.3.0 <broken@merpati.test>: Temporary lookup failure",
                    "C: VRFY not an address",
                    "S: 501 5.1.3 Bad recipient address syntax",
                    "C: NOOP",
                    "S: 250 2.0.0 Ok");
        }
        // Asked as a client that may not relay, even from a relay network: a remote domain is never confirmed.
        assertEquals(5, receiver.checks.size());
        assertTrue(receiver.checks.stream().noneMatch(check -> check.relayAllowed()));
    }

    @Test
    void busyListenerGives451ForThatTransactionAndTheSessionGoesOn() throws Exception {
        // One listener instance, as when all MDB instances are busy: a second call is refused at once,
        // the way the resource adapter refuses it when no endpoint can be had.
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        MailReceiverListener slow = new MailReceiverListener() {
            @Override
            public dev.merpati.connector.api.RecipientVerdict checkRecipient(
                    dev.merpati.connector.api.RecipientCheck check) {
                return receiver.checkRecipient(check);
            }

            @Override
            public String receive(ReceivedMail mail) {
                if (mail.reversePath().startsWith("slow")) {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return receiver.receive(mail);
            }
        };
        var pool = new Semaphore(1);
        ListenerInvoker<MailReceiverListener> bounded = new ListenerInvoker<>() {
            @Override
            public <T> CompletableFuture<T> invoke(Function<? super MailReceiverListener, ? extends T> call) {
                if (!pool.tryAcquire()) {
                    return CompletableFuture.failedFuture(new ListenerUnavailableException("all instances busy"));
                }
                return CompletableFuture.supplyAsync(() -> (T) call.apply(slow), servers.workers())
                        .whenComplete((result, error) -> pool.release());
            }
        };
        int port = servers.start(new SmtpChannelInitializer(config, bounded));
        try (var first = new ScriptClient(port);
                var second = new ScriptClient(port)) {
            first.expect("220 ");
            second.expect("220 ");
            first.script(
                    "C: HELO one.test",
                    "S: 250",
                    "C: MAIL FROM:<slow@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<bob@merpati.test>",
                    "S: 250 2.1.5",
                    "C: DATA",
                    "S: 354");
            second.script(
                    "C: HELO two.test",
                    "S: 250",
                    "C: MAIL FROM:<fast@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<bob@merpati.test>",
                    "S: 250 2.1.5",
                    "C: DATA",
                    "S: 354");
            first.script("C: Subject: first", "C: ", "C: one", "C: .");
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the first message holds the only instance");

            second.script(
                    "C: Subject: second",
                    "C: ",
                    "C: two",
                    "C: .",
                    "S: 451 4.3.0",
                    "C: NOOP",
                    "S: 250 2.0.0 Ok",
                    "C: MAIL FROM:<fast@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<bob@merpati.test>",
                    "S: 451 4.3.0",
                    "C: RSET",
                    "S: 250 2.0.0 Ok");

            release.countDown();
            first.expect("250 2.0.0 Ok: queued as ");
            second.script(
                    "C: MAIL FROM:<fast@x.test>",
                    "S: 250 2.1.0",
                    "C: RCPT TO:<bob@merpati.test>",
                    "S: 250 2.1.5",
                    "C: DATA",
                    "S: 354",
                    "C: Subject: second again",
                    "C: ",
                    "C: two",
                    "C: .",
                    "S: 250 2.0.0 Ok: queued as ",
                    "C: QUIT",
                    "S: 221");
        }
        assertEquals(2, receiver.stored.size(), "the refused message was not stored, the others once each");
        assertTrue(receiver.content(0).contains("one"));
        assertTrue(receiver.content(1).contains("second again"));
    }
}
