package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The relay host (smarthost): the IT domain sends every remote domain without a transport map
 * entry to [127.0.0.1]:PORTBASE+33 and logs in there as relay-user (server/scripts/it-domain.sh).
 * The peer here plays a submission server: STARTTLS, then AUTH required before MAIL. The domain
 * trusts only the certificate of the key it-domain.sh made for the relay host ({@code
 * relayTrustStore}), valid for 127.0.0.1: another key on the same port (a man in the middle) gets
 * no login.
 */
class RelayHostIT {

    private static final Pattern QUEUE_ID = Pattern.compile("^(\\S+) ", Pattern.MULTILINE);

    private static String farAway(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@far-away.test";
    }

    @Test
    void mailForADomainWithoutTransportEntryGoesThroughTheRelayHostAfterAuthOverTls() throws Exception {
        try (SmtpPeer relay = TestServer.relayHost().start()) {
            String to = farAway("friend");
            String subject = Mail.uniqueSubject("through the relay host");
            Mail.send(ALICE, to, subject, "relayed\r\n");

            SmtpPeer.Delivery mail = relay.await(to);
            assertEquals("relay-user", mail.login());
            assertTrue(mail.overTls(), "the login must come after STARTTLS");
            assertEquals("<" + ALICE + ">", mail.from());
            assertTrue(mail.data().contains("Subject: " + subject), mail.data());
            assertTrue(mail.data().contains("relayed\r\n"), mail.data());
        }
    }

    @Test
    void aRelayHostWithAnUntrustedCertificateGetsNoLoginAndTheMailIsDeferred() throws Exception {
        AdminApi admin = AdminApi.asAlice();
        String to = farAway("not-for-mitm");
        String id;
        try (SmtpPeer impostor = TestServer.untrustedRelayHost().start()) {
            Mail.send(ALICE, to, Mail.uniqueSubject("not through an impostor"), "secret\r\n");

            String block = admin.awaitQueueEntry(to + " DEFERRED");
            assertTrue(block.contains("4.7.5 relay host certificate not trusted: "), block);
            Matcher m = QUEUE_ID.matcher(block);
            assertTrue(m.find(), block);
            id = m.group(1);

            List<String> seen = impostor.awaitSession(Duration.ofSeconds(30));
            assertEquals(List.of("STARTTLS", "QUIT"), seen.subList(1, seen.size()), seen.toString());
            String password = TestServer.RELAY_PASSWORD;
            String base64 = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
            for (String line : seen) {
                assertFalse(line.toUpperCase().startsWith("AUTH"), seen.toString());
                assertFalse(line.contains(password) || line.contains(base64), "the password reached the impostor");
            }
        } finally {
            // the entry would be retried and returned to alice: take it out of the queue
            deleteWhenDeferred(admin, to);
        }
        assertTrue(
                serverLogContains(
                        "relay host 127.0.0.1 (127.0.0.1:" + TestServer.RELAY_HOST_PORT + "): certificate not trusted"),
                "no log line about the untrusted relay host (queue entry " + id + ")");
    }

    /** Deletes the entry for the recipient; an attempt in progress answers 409 for a moment. */
    private static void deleteWhenDeferred(AdminApi admin, String recipient) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var block = admin.queueEntry(recipient);
            if (block.isEmpty()) {
                return;
            }
            Matcher m = QUEUE_ID.matcher(block.get());
            if (m.find() && admin.delete("queue/" + m.group(1)).statusCode() == 204) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Whether the IT domain's server log (or a rotated one) has a line with the text. */
    private static boolean serverLogContains(String text) throws Exception {
        Path logs = Path.of(System.getProperty("merpati.it.dir", "target/it"), "domains", "merpati", "logs");
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log"))
                        .toList()) {
                    if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text)) {
                        return true;
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(500);
        }
    }
}
