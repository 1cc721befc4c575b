package dev.merpati.it;

import static dev.merpati.testkit.LineClient.assertReply;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the MX port does with hostile or oversized input, observed from outside. */
class SmtpProtectionIT {

    @Test
    void oversizedMessageIsRefusedAtMailFrom() throws Exception {
        try (LineClient smtp = LineClient.from("127.0.0.2", TestServer.HOST, TestServer.SMTP_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            assertReply("250 ", smtp.smtp("EHLO outside.example"));
            assertReply("552 5.3.4", smtp.smtp("MAIL FROM:<someone@example.com> SIZE=999999999999"));
        }
    }

    @Test
    void smugglingAttemptNeverSplitsAMessage() throws Exception {
        String subject = Mail.uniqueSubject("Smuggling carrier");
        String smuggled = Mail.uniqueSubject("Smuggled");
        try (LineClient smtp = LineClient.from("127.0.0.2", TestServer.HOST, TestServer.SMTP_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            assertReply("250 ", smtp.smtp("EHLO outside.example"));
            assertReply("250 2.1.0", smtp.smtp("MAIL FROM:<someone@example.com>"));
            assertReply("250 2.1.5", smtp.smtp("RCPT TO:<" + DemoAccounts.BOB + ">"));
            assertReply("354 ", smtp.smtp("DATA"));
            smtp.send("Subject: " + subject + "\r\n\r\nfirst part\n.\nMAIL FROM:<admin@merpati.test>\r\n" + "RCPT TO:<"
                    + DemoAccounts.BOB + ">\r\nDATA\r\nSubject: " + smuggled + "\r\n\r\nforged\r\n.");
            assertReply("250 2.0.0", smtp.readSmtpReply());
            assertReply("221 ", smtp.smtp("QUIT"));
        }
        String raw =
                Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, Duration.ofSeconds(60));
        assertTrue(raw.contains("Subject: " + smuggled), "the smuggled part must stay inside the first message");
        assertTrue(Mail.findPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, smuggled)
                .isEmpty());
    }
}
