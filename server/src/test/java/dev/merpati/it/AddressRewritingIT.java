package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static dev.merpati.testkit.DemoAccounts.ALICE_PASSWORD;
import static dev.merpati.testkit.DemoAccounts.BOB;
import static dev.merpati.testkit.DemoAccounts.BOB_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.Mailboxes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Trivial-rewrite as users meet it: aliases, forwards, subaddresses, catch-alls and the DSN for an
 * unknown user found during expansion, set up through the admin REST API and observed over SMTP
 * and POP3.
 */
class AddressRewritingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final AdminApi admin = AdminApi.asAlice();

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAliasDeliversToTwoUsers() throws Exception {
        String alias = unique("team") + "@merpati.test";
        admin.define("aliases/" + alias, ALICE + ", bob");
        String subject = Mail.uniqueSubject("alias");
        Mail.send(ALICE, alias, subject, "to the team\r\n");
        Mail.awaitPop3Message(ALICE, ALICE_PASSWORD, subject, WAIT);
        Mail.awaitPop3Message(BOB, BOB_PASSWORD, subject, WAIT);
    }

    @Test
    void aSubaddressReachesTheUser() throws Exception {
        String subject = Mail.uniqueSubject("subaddress");
        Mail.send(ALICE, "Bob+Newsletters@merpati.test", subject, "tagged\r\n");
        String raw = Mail.awaitPop3Message(BOB, BOB_PASSWORD, subject, WAIT);
        assertTrue(raw.contains("for <Bob+Newsletters@merpati.test>"), raw);
    }

    @Test
    void aCatchAllTakesEveryUnknownAddressOfItsDomain() throws Exception {
        String domain = unique("catch") + ".test";
        admin.define("domains/" + domain, "");
        admin.define("aliases/@" + domain, BOB);
        String subject = Mail.uniqueSubject("catch-all");
        Mail.send(ALICE, "anyone-at-all@" + domain.toUpperCase(), subject, "caught\r\n");
        Mail.awaitPop3Message(BOB, BOB_PASSWORD, subject, WAIT);
    }

    @Test
    void aForwardToARemoteAddressKeepsALocalCopy() throws Exception {
        String user = unique("fwd") + "@merpati.test";
        admin.define("accounts/" + user, "fwd-secret");
        String remote = unique("far") + "@remote.invalid";
        HttpResponse<String> forward = admin.put("forwards/" + user + "?keepCopy=true", remote);
        assertEquals(200, forward.statusCode(), forward.body());
        assertTrue(forward.body().contains(remote), forward.body());

        String subject = Mail.uniqueSubject("forward");
        Mail.send(ALICE, user, subject, "forward me\r\n");
        Mail.awaitPop3Message(user, "fwd-secret", subject, WAIT);
        // the remote copy waits in the queue for remote delivery
        String entry = admin.awaitQueueEntry(remote + " DEFERRED");
        assertTrue(entry.contains(remote + " DEFERRED from=" + user), entry);
    }

    @Test
    void anUnknownUserInAnAliasIsReturnedToTheSenderWithACopyToPostmaster() throws Exception {
        String alias = unique("crew") + "@merpati.test";
        String ghost = unique("ghost") + "@merpati.test";
        admin.define("aliases/" + alias, ALICE + " " + ghost);
        String subject = Mail.uniqueSubject("partly unknown");
        Mail.send(BOB, alias, subject, "hello crew\r\n");

        Mail.awaitPop3Message(ALICE, ALICE_PASSWORD, subject, WAIT);
        List<String> dsn = Mailboxes.await(BOB, BOB_PASSWORD, "Final-Recipient: rfc822; " + ghost, 1, WAIT);
        String report = dsn.get(0);
        assertTrue(report.contains("multipart/report"), report);
        assertTrue(report.contains("report-type=delivery-status"), report);
        assertTrue(report.contains("Original-Recipient: rfc822; " + alias), report);
        assertTrue(report.contains("Status: 5.1.1"), report);
        assertTrue(report.contains("Subject: " + subject), report); // the original headers
        assertTrue(!report.contains("hello crew"), report); // not the body
        // postmaster of the primary domain is its first account, alice
        Mailboxes.await(ALICE, ALICE_PASSWORD, "Final-Recipient: rfc822; " + ghost, 1, WAIT);
    }

    @Test
    void theAdminApiRefusesOthers() throws Exception {
        assertEquals(401, new AdminApi(BOB, BOB_PASSWORD).get("aliases").statusCode());
        assertEquals(401, new AdminApi(ALICE, "wrong").get("aliases").statusCode());
        assertEquals(400, admin.put("aliases/x@not-local.test", BOB).statusCode());
    }
}
