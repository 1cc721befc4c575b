package dev.merpati.it;

import static dev.merpati.testkit.LineClient.assertReply;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed's path end to end: SMTP in, through maildrop, cleanup, queue manager and local delivery, POP3 out. */
class SmtpToPop3IT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aliceSendsToBobWhoReadsItOverPop3() throws Exception {
        String subject = Mail.uniqueSubject("Hello Bob");
        String body = "Hi Bob,\r\nthis came through Merpati.\r\n.a line that starts with a dot\r\n";
        Mail.send(DemoAccounts.ALICE, DemoAccounts.BOB, subject, body);

        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);

        assertTrue(raw.contains("\r\n\r\n" + body) || raw.endsWith(body), () -> "body changed in transit:\n" + raw);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertTrue(
                headers.startsWith("Received: from client.merpati.test"),
                () -> "no Received header first:\n" + headers);
        assertTrue(headers.contains("by mail.merpati.test"), headers);
        assertTrue(headers.contains("Message-ID: "), headers);
        assertTrue(headers.contains("Date: "), headers);
    }

    @Test
    void cleanupAddsMessageIdAndDateToABareMessageFromPythonSmtplib() throws Exception {
        String subject = Mail.uniqueSubject("Bare message");
        String script = String.join(
                "\n",
                "import smtplib, sys",
                "msg = 'From: " + DemoAccounts.ALICE + "\\r\\nTo: " + DemoAccounts.BOB
                        + "\\r\\nSubject: ' + sys.argv[3]" + " + '\\r\\n\\r\\nNo Message-ID, no Date.\\r\\n'",
                "with smtplib.SMTP(sys.argv[1], int(sys.argv[2]), local_hostname='py.merpati.test') as s:",
                "    refused = s.sendmail('" + DemoAccounts.ALICE + "', ['" + DemoAccounts.BOB + "'], msg)",
                "    assert not refused, refused");
        Tools.python(script, TestServer.HOST, String.valueOf(TestServer.SMTP_PORT), subject);

        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertTrue(headers.contains("Message-ID: <"), headers);
        assertTrue(headers.contains("Date: "), headers);
        assertTrue(headers.contains("with ESMTP"), headers);
        assertTrue(raw.endsWith("\r\n\r\nNo Message-ID, no Date.\r\n"), raw);
    }

    @Test
    void unknownLocalUserGets550AndAnOutsideClientCannotRelay() throws Exception {
        try (LineClient smtp = LineClient.from("127.0.0.2", TestServer.HOST, TestServer.SMTP_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            assertReply("250 ", smtp.smtp("EHLO outside.example"));
            assertReply("250 2.1.0", smtp.smtp("MAIL FROM:<someone@example.com>"));
            assertReply("550 5.1.1", smtp.smtp("RCPT TO:<nobody@" + DemoAccounts.DOMAIN + ">"));
            assertReply("554 5.7.1", smtp.smtp("RCPT TO:<someone@example.net>"));
            assertReply("250 2.1.5", smtp.smtp("RCPT TO:<" + DemoAccounts.BOB + ">"));
            assertReply("250 2.0.0", smtp.smtp("RSET"));
            assertReply("221 2.0.0", smtp.smtp("QUIT"));
        }
    }

    @Test
    void aClientInTheRelayNetworksMayAddressOtherDomains() throws Exception {
        try (LineClient smtp = LineClient.from("127.0.0.1", TestServer.HOST, TestServer.SMTP_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            assertReply("250 ", smtp.smtp("EHLO client.merpati.test"));
            assertReply("250 2.1.0", smtp.smtp("MAIL FROM:<" + DemoAccounts.ALICE + ">"));
            assertReply("250 2.1.5", smtp.smtp("RCPT TO:<someone@example.net>"));
            assertReply("250 2.0.0", smtp.smtp("RSET"));
            assertReply("221 2.0.0", smtp.smtp("QUIT"));
        }
    }

    @Test
    void pipelinedTransactionIsAcceptedOnlyForTheValidRecipient() throws Exception {
        String subject = Mail.uniqueSubject("Pipelined");
        try (LineClient smtp = new LineClient(TestServer.HOST, TestServer.SMTP_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            assertReply("250 ", smtp.smtp("EHLO client.merpati.test"));
            smtp.send("MAIL FROM:<" + DemoAccounts.ALICE + ">\r\nRCPT TO:<ghost@" + DemoAccounts.DOMAIN
                    + ">\r\nRCPT TO:<" + DemoAccounts.BOB + ">\r\nDATA");
            assertReply("250 2.1.0", smtp.readSmtpReply());
            assertReply("550 5.1.1", smtp.readSmtpReply());
            assertReply("250 2.1.5", smtp.readSmtpReply());
            assertReply("354 ", smtp.readSmtpReply());
            smtp.send("Subject: " + subject + "\r\n\r\nPipelined body.\r\n.");
            assertReply("250 2.0.0", smtp.readSmtpReply());
            assertReply("221 2.0.0", smtp.smtp("QUIT"));
        }
        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        assertTrue(raw.endsWith("\r\n\r\nPipelined body.\r\n"), raw);
    }
}
