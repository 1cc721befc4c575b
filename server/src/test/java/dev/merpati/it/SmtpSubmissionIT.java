package dev.merpati.it;

import static dev.merpati.testkit.LineClient.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The submission ports (587 with STARTTLS, 465 with implicit TLS) with real clients and AUTH. */
class SmtpSubmissionIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private static String headers(String raw) {
        return raw.substring(0, raw.indexOf("\r\n\r\n"));
    }

    /** curl sends the message to bob on the submission port, with STARTTLS required and logged in as user. */
    private static Tools.Result curlSubmission(byte[] message, String user, String password, String from)
            throws Exception {
        return Tools.run(
                message,
                "curl",
                "-sS",
                "--ssl-reqd",
                "--insecure",
                "smtp://" + TestServer.HOST + ":" + TestServer.SUBMISSION_PORT + "/curl.merpati.test",
                "--user",
                user + ":" + password,
                "--mail-from",
                from,
                "--mail-rcpt",
                DemoAccounts.BOB,
                "-T",
                "-");
    }

    @Test
    void swaksWithStartTlsAndAuthPlainOnSubmission() throws Exception {
        String subject = Mail.uniqueSubject("swaks submission");
        var result = Tools.run(
                "swaks",
                "--server",
                TestServer.HOST + ":" + TestServer.SUBMISSION_PORT,
                "--ehlo",
                "swaks.merpati.test",
                "--tls",
                "--auth",
                "PLAIN",
                "--auth-user",
                DemoAccounts.ALICE,
                "--auth-password",
                DemoAccounts.ALICE_PASSWORD,
                "--from",
                DemoAccounts.ALICE,
                "--to",
                DemoAccounts.BOB,
                "--header",
                "Subject: " + subject,
                "--body",
                "Sent by swaks over STARTTLS.");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("235 2.7.0"), result.output());

        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        assertTrue(headers(raw).contains("with ESMTPSA"), raw);
        // Postfix's form: the TLS in use and the login, as comments of the Received header.
        assertTrue(
                headers(raw)
                        .matches(
                                "(?s).*\r\n\t\\(using TLSv1\\.[23] with cipher TLS_\\w+ \\((128|256)/(128|256) bits\\)\\)\r\n"
                                        + "\t\\(Authenticated sender: "
                                        + java.util.regex.Pattern.quote(DemoAccounts.ALICE)
                                        + "\\)\r\n\tby .*"),
                raw);
        assertTrue(raw.contains("Sent by swaks over STARTTLS."), raw);
    }

    @Test
    void jakartaMailOverImplicitTls() throws Exception {
        String subject = Mail.uniqueSubject("Jakarta Mail smtps");
        Properties props = new Properties();
        props.put("mail.smtps.host", TestServer.HOST);
        props.put("mail.smtps.port", String.valueOf(TestServer.SMTPS_PORT));
        props.put("mail.smtps.auth", "true");
        props.put("mail.smtps.ssl.trust", "*");
        props.put("mail.smtps.ssl.checkserveridentity", "false");
        props.put("mail.smtps.localhost", "jakarta.merpati.test");
        props.put("mail.smtps.connectiontimeout", "10000");
        props.put("mail.smtps.timeout", "30000");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(DemoAccounts.ALICE));
        message.setRecipients(Message.RecipientType.TO, DemoAccounts.BOB);
        message.setSubject(subject);
        message.setText("Over port 465.");
        try (Transport transport = session.getTransport("smtps")) {
            transport.connect(DemoAccounts.ALICE, DemoAccounts.ALICE_PASSWORD);
            transport.sendMessage(message, message.getAllRecipients());
        }
        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        assertTrue(headers(raw).contains("with ESMTPSA"), raw);
    }

    @Test
    void curlWithRequiredTlsAndALoginAndItsOwnSenderOnly() throws Exception {
        String subject = Mail.uniqueSubject("curl submission");
        byte[] message = ("From: " + DemoAccounts.ALICE + "\r\nTo: " + DemoAccounts.BOB + "\r\nSubject: " + subject
                        + "\r\n\r\nFrom curl.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var sent = curlSubmission(message, DemoAccounts.ALICE, DemoAccounts.ALICE_PASSWORD, DemoAccounts.ALICE);
        assertEquals(0, sent.exitCode(), sent.output());

        // Bob may not send as Alice (reject_sender_login_mismatch).
        var forged = curlSubmission(message, DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, DemoAccounts.ALICE);
        assertNotEquals(0, forged.exitCode(), forged.output());
        assertTrue(forged.output().contains("553"), forged.output());

        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        assertTrue(headers(raw).contains("with ESMTPSA"), raw);
    }

    @Test
    void aUserMaySendAsAnAliasThatReachesThemButNotAsAnotherUsersAlias() throws Exception {
        String alias = "team-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@merpati.test";
        AdminApi.asAlice().define("aliases/" + alias, DemoAccounts.ALICE);
        String subject = Mail.uniqueSubject("alias sender");
        byte[] message = ("From: " + alias + "\r\nTo: " + DemoAccounts.BOB + "\r\nSubject: " + subject
                        + "\r\n\r\nFrom the team.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var asAlice = curlSubmission(message, DemoAccounts.ALICE, DemoAccounts.ALICE_PASSWORD, alias);
        assertEquals(0, asAlice.exitCode(), asAlice.output());
        var asBob = curlSubmission(message, DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, alias);
        assertNotEquals(0, asBob.exitCode(), asBob.output());
        assertTrue(asBob.output().contains("553"), asBob.output());
        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        assertTrue(headers(raw).contains("(Authenticated sender: " + DemoAccounts.ALICE + ")"), raw);
    }

    @Test
    void pythonSmtplibStartTlsAndLogin() throws Exception {
        String subject = Mail.uniqueSubject("smtplib submission");
        String script = String.join(
                "\n",
                "import smtplib, ssl, sys",
                "ctx = ssl.create_default_context()",
                "ctx.check_hostname = False",
                "ctx.verify_mode = ssl.CERT_NONE",
                "msg = 'From: " + DemoAccounts.ALICE + "\\r\\nTo: " + DemoAccounts.BOB
                        + "\\r\\nSubject: ' + sys.argv[3]" + " + '\\r\\n\\r\\nFrom smtplib.\\r\\n'",
                "with smtplib.SMTP(sys.argv[1], int(sys.argv[2]), local_hostname='py.merpati.test') as s:",
                "    s.starttls(context=ctx)",
                "    s.login('" + DemoAccounts.ALICE + "', '" + DemoAccounts.ALICE_PASSWORD + "')",
                "    refused = s.sendmail('" + DemoAccounts.ALICE + "', ['" + DemoAccounts.BOB + "'], msg)",
                "    assert not refused, refused");
        Tools.python(script, TestServer.HOST, String.valueOf(TestServer.SUBMISSION_PORT), subject);
        String raw = Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, DELIVERY_TIMEOUT);
        assertTrue(headers(raw).contains("with ESMTPSA"), raw);
    }

    @Test
    void submissionWantsALoginAndRefusesAWrongPassword() throws Exception {
        try (LineClient smtp = LineClient.from("127.0.0.2", TestServer.HOST, TestServer.SUBMISSION_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            assertReply("250 ", smtp.smtp("EHLO outside.example"));
            assertReply("530 5.7.0", smtp.smtp("MAIL FROM:<" + DemoAccounts.ALICE + ">"));
            String wrong = Base64.getEncoder()
                    .encodeToString(("\0" + DemoAccounts.ALICE + "\0wrong").getBytes(StandardCharsets.UTF_8));
            assertReply("535 5.7.8", smtp.smtp("AUTH PLAIN " + wrong));
            assertReply("530 5.7.0", smtp.smtp("MAIL FROM:<" + DemoAccounts.ALICE + ">"));
        }
    }

    @Test
    void mxPortOffersStartTlsAndNoAuth() throws Exception {
        try (LineClient smtp = new LineClient(TestServer.HOST, TestServer.SMTP_PORT)) {
            assertReply("220 ", smtp.readSmtpReply());
            smtp.send("EHLO client.merpati.test");
            StringBuilder ehlo = new StringBuilder();
            for (String line = smtp.readLine(); ; line = smtp.readLine()) {
                ehlo.append(line).append('\n');
                if (line.charAt(3) == ' ') {
                    break;
                }
            }
            assertTrue(ehlo.toString().contains("250-STARTTLS"), ehlo.toString());
            assertTrue(!ehlo.toString().contains("AUTH"), ehlo.toString());
            assertReply("503 5.5.1", smtp.smtp("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
        }
    }
}
