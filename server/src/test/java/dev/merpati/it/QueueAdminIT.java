package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static dev.merpati.testkit.DemoAccounts.BOB;
import static dev.merpati.testkit.DemoAccounts.BOB_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.Mailboxes;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Deferred mail and the queue administration (mailq, postqueue -f, postsuper -h/-H/-d) through the
 * admin REST API. Remote mail waits deferred; the IT domain retries every 5 s and gives up after
 * 25 s (see server/scripts/it-domain.sh).
 */
class QueueAdminIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern HEADER =
            Pattern.compile("^(\\S+) (\\S+) \\d+ \\S+ \\S+ attempts=(\\d+) next=(\\S+)", Pattern.MULTILINE);
    private final AdminApi admin = AdminApi.asAlice();

    private static Matcher header(String block) {
        Matcher m = HEADER.matcher(block);
        assertTrue(m.find(), block);
        return m;
    }

    private String sendToRemote(String sender) throws Exception {
        String remote = "far-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.invalid";
        String alias = "ext-" + UUID.randomUUID().toString().substring(0, 8) + "@merpati.test";
        admin.define("aliases/" + alias, remote);
        Mail.send(sender, alias, Mail.uniqueSubject("to a remote address"), "far away\r\n");
        return remote;
    }

    @Test
    void holdReleaseFlushAndDelete() throws Exception {
        String remote = sendToRemote(ALICE);
        String block = admin.awaitQueueEntry(remote + " DEFERRED");
        assertTrue(block.contains("(4.4.1 connection to 127.0.0.1:" + TestServer.CLOSED_PEER_PORT + " failed:"), block);
        String id = header(block).group(1);

        var json = admin.get("queue/" + id);
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains(remote), json.body());

        assertEquals(204, admin.post("queue/" + id + "/hold").statusCode());
        assertEquals("HELD", header(admin.queueEntry(id).orElseThrow()).group(2));
        assertEquals(409, admin.post("queue/" + id + "/hold").statusCode());
        int heldAttempts =
                Integer.parseInt(header(admin.queueEntry(id).orElseThrow()).group(3));
        Thread.sleep(6000); // longer than the retry interval: a held entry is not tried
        assertEquals(
                heldAttempts,
                Integer.parseInt(header(admin.queueEntry(id).orElseThrow()).group(3)));

        assertEquals(204, admin.post("queue/" + id + "/release").statusCode());
        assertEquals(409, admin.post("queue/" + id + "/release").statusCode());
        awaitAttemptsAbove(id, heldAttempts); // release tries at once

        // flush: an attempt now, well before the scheduled one
        Matcher before = header(admin.queueEntry(id).orElseThrow());
        int attempts = Integer.parseInt(before.group(3));
        Instant scheduled = Instant.parse(before.group(4));
        assertEquals(204, admin.post("queue/" + id + "/flush").statusCode());
        awaitAttemptsAbove(id, attempts);
        assertTrue(Instant.now().isBefore(scheduled), "the flush came only with the scheduled retry");

        assertEquals(204, admin.delete("queue/" + id).statusCode());
        assertEquals(404, admin.get("queue/" + id).statusCode());
        assertTrue(admin.queueEntry(id).isEmpty());
        assertEquals(409, admin.delete("queue/" + id).statusCode());
    }

    /**
     * reopened.test's server is down: its mail is deferred and the destination suspended (mail to it
     * is deferred at once for a while). The server comes back and the operator flushes the queue
     * (postqueue -f): the mail goes at once, not after the suspension and the next retry.
     */
    @Test
    void aFlushSendsMailToASuspendedDestinationAtOnce() throws Exception {
        String to = "back-" + UUID.randomUUID().toString().substring(0, 8) + "@reopened.test";
        String subject = Mail.uniqueSubject("back again");
        Mail.send(ALICE, to, subject, "sent on a flush\r\n");
        String block = admin.awaitQueueEntry(to + " DEFERRED");
        assertTrue(
                block.contains("(4.4.1 connection to 127.0.0.1:" + TestServer.REOPENED_PEER_PORT + " failed:"), block);
        Instant scheduled = Instant.parse(header(block).group(4));

        try (SmtpPeer peer = SmtpPeer.on(TestServer.REOPENED_PEER_PORT)
                .hostName("peer.reopened.test")
                .start()) {
            Instant flushed = Instant.now();
            var flush = admin.post("queue/flush");
            assertEquals(200, flush.statusCode(), flush.body());
            SmtpPeer.Delivery delivery = peer.await(to);
            Duration took = Duration.between(flushed, Instant.now());
            assertTrue(delivery.data().contains("Subject: " + subject), delivery.data());
            assertTrue(
                    Instant.now().isBefore(scheduled),
                    "the mail went only with the scheduled retry (" + scheduled + "), " + took + " after the flush");
            System.out.println("QueueAdminIT: a suspended destination's mail went " + took + " after the flush");

            // the peer stays up until its 250 is recorded (the peer reports a message before replying)
            Instant deadline = Instant.now().plusSeconds(20);
            while (admin.queueEntry(to).isPresent()) {
                assertTrue(
                        Instant.now().isBefore(deadline),
                        "still queued: " + admin.queueEntry(to).orElse(""));
                Thread.sleep(100);
            }
        }
    }

    @Test
    void mailDeferredBeyondTheQueueLifetimeReturnsToTheSender() throws Exception {
        String remote = sendToRemote(BOB);
        var dsn = Mailboxes.await(BOB, BOB_PASSWORD, "Final-Recipient: rfc822; " + remote, 1, WAIT);
        String report = dsn.get(0);
        assertTrue(report.contains("Status: 4.4.7"), report);
        assertTrue(report.contains("delivery time expired; last error: 4.4.1 connection to 127.0.0.1:"), report);
        assertTrue(report.contains("Action: failed"), report);
    }

    private void awaitAttemptsAbove(String id, int attempts) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Integer.parseInt(header(admin.queueEntry(id).orElseThrow()).group(3)) <= attempts) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no new attempt for " + id + ":\n"
                        + admin.queueEntry(id).orElse(""));
            }
            Thread.sleep(100);
        }
    }
}
