package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static dev.merpati.testkit.DemoAccounts.BOB;
import static dev.merpati.testkit.DemoAccounts.BOB_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A destination that never answers must not hold up mail to other destinations (the seed's
 * per-destination isolation). stuck.test goes to PORTBASE+32, where this test listens and never
 * accepts: the kernel completes every TCP handshake into the backlog and no greeting ever comes.
 * The IT domain gives up on a silent server after 30 s (server/scripts/it-domain.sh).
 */
class DeliveryIsolationIT {

    private static final int STUCK_PORT = TestServer.STUCK_PEER_PORT;
    /** More than the default per-destination limit (20) and the JMS consumers' pool (32). */
    private static final int STUCK_MESSAGES = 40;

    /**
     * How long the client waits for a greeting in the IT domain. Mail that had to wait for a
     * session to the stuck destination to end cannot arrive sooner than this after the first mail
     * to the stuck destination was sent.
     */
    private static final Duration STUCK_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void mailToAStuckDestinationDelaysNeitherOtherRemoteMailNorLocalMail() throws Exception {
        AdminApi admin = AdminApi.asAlice();
        try (ServerSocket stuck = new ServerSocket();
                SmtpPeer peer = TestServer.remotePeer().start()) {
            stuck.setReuseAddress(true);
            stuck.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), STUCK_PORT), 200);

            Instant firstStuck = Instant.now();
            String tag = UUID.randomUUID().toString().substring(0, 8);
            List<String> stuckRecipients = new ArrayList<>();
            for (int i = 0; i < STUCK_MESSAGES; i++) {
                String to = "s" + i + "-" + tag + "@stuck.test";
                stuckRecipients.add(to);
                Mail.send(ALICE, to, Mail.uniqueSubject("to a stuck destination"), "waiting\r\n");
            }

            Instant sent = Instant.now();
            String far = "far-" + tag + "@remote.test";
            String remoteSubject = Mail.uniqueSubject("to a live remote destination");
            Mail.send(ALICE, far, remoteSubject, "not held up\r\n");
            String localSubject = Mail.uniqueSubject("to a local user");
            Mail.send(ALICE, BOB, localSubject, "not held up either\r\n");

            SmtpPeer.Delivery remote = peer.await(far);
            Duration remoteTook = Duration.between(sent, Instant.now());
            assertTrue(remote.data().contains("Subject: " + remoteSubject), remote.data());
            Instant remoteArrived = Instant.now();
            Mail.awaitPop3Message(BOB, BOB_PASSWORD, localSubject, STUCK_TIMEOUT);
            Duration localTook = Duration.between(sent, Instant.now());
            Instant localArrived = Instant.now();
            String figures = STUCK_MESSAGES + " stuck mails sent in " + Duration.between(firstStuck, sent)
                    + "; remote mail took " + remoteTook + ", local mail " + localTook;
            System.out.println("DeliveryIsolationIT: " + figures);
            assertTrue(
                    Duration.between(firstStuck, remoteArrived).compareTo(STUCK_TIMEOUT) < 0
                            && Duration.between(firstStuck, localArrived).compareTo(STUCK_TIMEOUT) < 0,
                    figures);

            // the stuck destination's mail is deferred once the client gives up on it
            String first = admin.awaitQueueEntry(stuckRecipients.get(0) + " DEFERRED");
            assertTrue(first.contains("timed out while receiving the initial server greeting"), first);
            String last = admin.awaitQueueEntry(stuckRecipients.get(STUCK_MESSAGES - 1) + " DEFERRED");
            assertTrue(last.contains("4.4."), last);
            assertTrue(
                    Duration.between(sent, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0,
                    "the stuck destination's mail took more than a minute to be deferred");

            // no 40 DSNs for the tests that follow
            for (String to : stuckRecipients) {
                admin.queueEntry(to).ifPresent(block -> {
                    try {
                        admin.delete("queue/" + block.substring(0, block.indexOf(' ')));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }
}
