package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.Mail;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay host (smarthost): the IT domain sends every remote domain without a transport map
 * entry to [127.0.0.1]:PORTBASE+33 and logs in there as relay-user (server/scripts/it-domain.sh).
 * The peer here plays a submission server: STARTTLS, then AUTH required before MAIL.
 */
class RelayHostIT {

    @Test
    void mailForADomainWithoutTransportEntryGoesThroughTheRelayHostAfterAuthOverTls() throws Exception {
        try (SmtpPeer relay = TestServer.relayHost().start()) {
            String to = "friend-" + UUID.randomUUID().toString().substring(0, 8) + "@far-away.test";
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
}
