package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static dev.merpati.testkit.DemoAccounts.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.Mailboxes;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Remote delivery through the connector's SMTP client to a real SMTP peer on a loopback socket,
 * run by the test: the IT domain's transport map sends remote.test to PORTBASE+30 and retries
 * deferred mail every 5 s for 25 s (server/scripts/it-domain.sh).
 */
class RemoteDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private SmtpPeer peer;

    @AfterEach
    void stopPeer() throws IOException {
        if (peer != null) {
            peer.close();
        }
    }

    private static String remoteAddress() {
        return "far-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.test";
    }

    @Test
    void mailToARemoteDomainArrivesAtItsNextHopWithTheBodyIntact() throws Exception {
        peer = TestServer.remotePeer().start();
        String to = remoteAddress();
        String subject = Mail.uniqueSubject("to a remote peer");
        Mail.send(ALICE, to, subject, "first line\r\n.a line that starts with a dot\r\n..two dots\r\nlast\r\n");

        SmtpPeer.Delivery mail = peer.await(to);
        assertEquals("<" + ALICE + ">", mail.from());
        assertEquals(List.of("<" + to + ">"), mail.to());
        assertTrue(mail.data().contains("Subject: " + subject), mail.data());
        assertTrue(
                mail.data().contains("first line\r\n.a line that starts with a dot\r\n..two dots\r\nlast\r\n"),
                mail.data());
        assertTrue(mail.data().contains("Received: "), mail.data());
    }

    @Test
    void recipientsInOneDomainShareOneSessionAndOneCopy() throws Exception {
        peer = TestServer.remotePeer().start();
        String first = remoteAddress();
        String second = remoteAddress();
        String subject = Mail.uniqueSubject("two remote recipients");
        Mail.send(ALICE, first + ", " + second, subject, "one copy for both\r\n");

        SmtpPeer.Delivery mail = peer.await(first);
        assertEquals(List.of("<" + first + ">", "<" + second + ">"), mail.to());
        assertTrue(mail.data().contains("Subject: " + subject), mail.data());
    }

    @Test
    void mailIsDeferredWhileThePeerIsDownAndDeliveredWhenItComesBack() throws Exception {
        AdminApi admin = AdminApi.asAlice();
        String to = remoteAddress();
        String subject = Mail.uniqueSubject("peer down");
        Mail.send(ALICE, to, subject, "try again later\r\n");

        String block = admin.awaitQueueEntry(to + " DEFERRED");
        assertTrue(block.contains("4.4.1 connection to 127.0.0.1:" + TestServer.REMOTE_PEER_PORT + " failed"), block);

        peer = TestServer.remotePeer().start();
        SmtpPeer.Delivery mail = peer.await(to);
        assertTrue(mail.data().contains("Subject: " + subject), mail.data());
        assertTrue(mail.data().contains("try again later\r\n"), mail.data());
    }

    @Test
    void aPermanentRefusalReturnsADsnToTheSender() throws Exception {
        peer = TestServer.remotePeer()
                .refuseRecipients("550 5.1.1 no such user here")
                .start();
        String to = remoteAddress();
        Mail.send(ALICE, to, Mail.uniqueSubject("to a refusing peer"), "you will not get this\r\n");

        List<String> dsn = Mailboxes.await(ALICE, ALICE_PASSWORD, "Final-Recipient: rfc822; " + to, 1, WAIT);
        String report = dsn.get(0);
        assertTrue(report.contains("Status: 5.1.1"), report);
        assertTrue(report.contains("no such user here"), report);
        assertTrue(report.contains("Action: failed"), report);
    }
}
