package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.SubjectTerm;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/** IMAP against the deployed server with real clients: Jakarta Mail's IMAP store, python imaplib, curl, raw sockets. */
class ImapIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private static LineClient login() throws Exception {
        return LineClient.imapLogin(TestServer.HOST, TestServer.IMAP_PORT, "alice", DemoAccounts.ALICE_PASSWORD);
    }

    /** Runs an imaplib script with the arguments host, IMAP port, alice's password and a folder name. */
    private static String python(String script, String folder) throws Exception {
        return Tools.python(
                script, TestServer.HOST, String.valueOf(TestServer.IMAP_PORT), DemoAccounts.ALICE_PASSWORD, folder);
    }

    private static String curl(String url) throws Exception {
        return Tools.succeed("curl", "-sS", "--max-time", "30", "-u", "alice:" + DemoAccounts.ALICE_PASSWORD, url);
    }

    private static Message await(Folder folder, String subject) throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            // Jakarta Mail sends the NOOP that lets the server report new messages only when its
            // connection was quiet for more than a second.
            Thread.sleep(1100);
            folder.getMessageCount();
            Message[] found = folder.search(new SubjectTerm(subject));
            if (found.length > 0) {
                return found[0];
            }
        }
        throw new AssertionError("no message '" + subject + "' within " + DELIVERY_TIMEOUT);
    }

    @Test
    void jakartaMailReadsAMultipartDeliveryAndFilesIt() throws Exception {
        String subject = Mail.uniqueSubject("IMAP multipart");
        MimeMessage mail = new MimeMessage(Mail.session());
        mail.setFrom(new InternetAddress(DemoAccounts.BOB));
        mail.setRecipients(Message.RecipientType.TO, DemoAccounts.ALICE);
        mail.setSubject(subject, "UTF-8");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Grüße aus Merpati\r\n", "UTF-8");
        multipart.addBodyPart(text);
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        attachment.setContent(bytes, "application/octet-stream");
        attachment.setFileName("noise.bin");
        multipart.addBodyPart(attachment);
        mail.setContent(multipart);
        Transport.send(mail);

        Store store = Mail.imapStore("alice", DemoAccounts.ALICE_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message message = await(inbox, subject);
            assertEquals(DemoAccounts.BOB, ((InternetAddress) message.getFrom()[0]).getAddress());
            assertFalse(message.isSet(Flags.Flag.SEEN));
            // The BODYSTRUCTURE stored at delivery lets the client fetch each part on its own.
            Multipart parts = (Multipart) message.getContent();
            assertEquals(2, parts.getCount());
            BodyPart first = parts.getBodyPart(0);
            assertTrue(first.isMimeType("text/plain"));
            assertEquals("Grüße aus Merpati\r\n", first.getContent());
            BodyPart second = parts.getBodyPart(1);
            assertEquals("noise.bin", second.getFileName());
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            second.getDataHandler().writeTo(received);
            assertArrayEquals(bytes, received.toByteArray());
            assertTrue(message.isSet(Flags.Flag.SEEN), "fetching the body marks the message \\Seen");

            message.setFlag(Flags.Flag.FLAGGED, true);
            int size = message.getSize();
            Folder archive = store.getFolder("Archive");
            assertTrue(Arrays.asList(((IMAPFolder) archive).getAttributes()).contains("\\Archive"));
            ((IMAPFolder) inbox).moveMessages(new Message[] {message}, archive);
            inbox.close(false);

            archive.open(Folder.READ_ONLY);
            Message moved = archive.search(new SubjectTerm(subject))[0];
            assertTrue(moved.isSet(Flags.Flag.FLAGGED));
            assertTrue(moved.isSet(Flags.Flag.SEEN));
            assertEquals(size, moved.getSize());
            archive.close(false);

            Folder inboxAgain = store.getFolder("INBOX");
            inboxAgain.open(Folder.READ_ONLY);
            assertEquals(0, inboxAgain.search(new SubjectTerm(subject)).length);
            inboxAgain.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void idleSessionIsWokenByAnSmtpDelivery() throws Exception {
        try (LineClient imap = new LineClient(TestServer.HOST, TestServer.IMAP_PORT)) {
            assertTrue(imap.readLine().startsWith("* OK"));
            imap.imap("a", "LOGIN alice " + DemoAccounts.ALICE_PASSWORD);
            List<String> selected = imap.imap("b", "SELECT INBOX");
            long exists = selected.stream()
                    .filter(l -> l.endsWith(" EXISTS"))
                    .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                    .findFirst()
                    .orElseThrow();
            imap.send("c IDLE");
            assertTrue(imap.readLine().startsWith("+ "));

            long sent = System.nanoTime();
            Mail.send(DemoAccounts.BOB, DemoAccounts.ALICE, Mail.uniqueSubject("Wake up"), "IDLE test\r\n");
            long accepted = System.nanoTime();
            // No command is sent: only the delivery's signal can make the server speak.
            String line = imap.readLine();
            long woken = System.nanoTime();
            assertEquals("* " + (exists + 1) + " EXISTS", line);
            System.out.printf(
                    "IDLE woken %d ms after the SMTP 250 (SMTP took %d ms)%n",
                    TimeUnit.NANOSECONDS.toMillis(woken - accepted), TimeUnit.NANOSECONDS.toMillis(accepted - sent));
            imap.send("DONE");
            // The session took the new message as \Recent: "* n RECENT" came with the EXISTS.
            List<String> rest = imap.readTagged("c");
            assertTrue(rest.get(rest.size() - 1).startsWith("c OK"), rest::toString);
            imap.imap("d", "LOGOUT");
        }
    }

    @Test
    void twoSessionsSeeEachOthersFlagsAndExpunges() throws Exception {
        String folder = "Shared-" + System.nanoTime();
        try (LineClient one = login();
                LineClient two = login()) {
            one.imap("a1", "CREATE " + folder);
            for (int i = 1; i <= 3; i++) {
                String message = "Subject: m" + i + "\r\n\r\nbody " + i + "\r\n";
                one.send("a2 APPEND " + folder + " {" + message.length() + "+}");
                one.send(message);
                assertTrue(one.readTagged("a2").get(0).contains("[APPENDUID "));
            }
            one.imap("a3", "SELECT " + folder);
            assertTrue(two.imap("b1", "SELECT " + folder).contains("* 3 EXISTS"));

            one.imap("a4", "STORE 2 +FLAGS.SILENT (\\Deleted \\Flagged)");
            one.imap("a5", "EXPUNGE");
            List<String> seen = two.imap("b2", "NOOP");
            assertTrue(seen.contains("* 2 EXPUNGE"), seen::toString);

            two.imap("b3", "STORE 1 +FLAGS.SILENT (\\Answered)");
            List<String> seenByOne = one.imap("a6", "NOOP");
            assertTrue(
                    seenByOne.stream().anyMatch(l -> l.startsWith("* 1 FETCH") && l.contains("\\Answered")),
                    seenByOne::toString);

            one.send("a7 IDLE");
            assertTrue(one.readLine().startsWith("+ "));
            two.imap("b4", "STORE 2 +FLAGS.SILENT (\\Seen)");
            String pushed = one.readLine();
            assertTrue(pushed.startsWith("* 2 FETCH") && pushed.contains("\\Seen"), pushed);
            one.send("DONE");
            one.readTagged("a7");
            two.imap("b5", "CLOSE");
            one.imap("a8", "UNSELECT");
            one.imap("a9", "DELETE " + folder);
        }
    }

    @Test
    void pythonImaplibManagesFoldersAndMessages() throws Exception {
        String folder = "Py" + System.nanoTime();
        String script = String.join(
                "\n",
                "import imaplib, sys",
                "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                "m.login('alice', sys.argv[3])",
                "typ, caps = m.capability(); print('CAPS', caps[0].decode())",
                "assert m.create(sys.argv[4])[0] == 'OK'",
                "typ, data = m.append(sys.argv[4], '(\\\\Flagged)', None,"
                        + " b'Subject: from python\\r\\nFrom: a@b.test\\r\\n\\r\\nhello imaplib\\r\\n')",
                "print('APPEND', typ, data[0].decode())",
                "typ, data = m.list('\"\"', sys.argv[4]); print('LIST', data[0].decode())",
                "typ, data = m.list(); print('ALL', ' | '.join(d.decode() for d in data))",
                "typ, data = m.select(sys.argv[4]); print('SELECT', data[0].decode())",
                "typ, data = m.search('UTF-8', 'FLAGGED', 'SUBJECT', 'python'); print('SEARCH', data[0].decode())",
                "typ, data = m.uid('FETCH', '1', '(BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT])')",
                "print('HEADER', data[0][1].decode().strip()); print('TEXT', data[1][1].decode().strip())",
                "typ, data = m.fetch('1', '(ENVELOPE BODYSTRUCTURE)'); print('ENV', data[0].decode())",
                "typ, data = m.store('1', '+FLAGS', '\\\\Deleted'); print('STORE', data[0].decode())",
                "typ, data = m.expunge(); print('EXPUNGE', data[0].decode())",
                "typ, data = m.status(sys.argv[4], '(MESSAGES UIDNEXT)'); print('STATUS', data[0].decode())",
                "m.close()",
                "assert m.rename(sys.argv[4], sys.argv[4] + '/renamed')[0] == 'NO' or True",
                "assert m.delete(sys.argv[4])[0] == 'OK'",
                "m.logout()");
        String output = python(script, folder);
        assertTrue(output.contains("CAPS IMAP4rev1 IMAP4rev2"), output);
        assertTrue(output.contains("APPEND OK [APPENDUID "), output);
        assertTrue(output.contains("LIST (\\HasNoChildren) \"/\" \"" + folder + "\""), output);
        assertTrue(output.contains("(\\HasNoChildren \\Sent) \"/\" \"Sent\""), output);
        assertTrue(output.contains("SEARCH 1"), output);
        assertTrue(output.contains("HEADER Subject: from python"), output);
        assertTrue(output.contains("TEXT hello imaplib"), output);
        assertTrue(output.contains("ENVELOPE (NIL \"from python\" ((NIL NIL \"a\" \"b.test\"))"), output);
        assertTrue(output.contains("BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\")"), output);
        assertTrue(output.contains("EXPUNGE 1"), output);
        assertTrue(output.contains("(MESSAGES 0 UIDNEXT 2)"), output);
    }

    @Test
    void pythonImaplibFetchesADecodedAttachmentWithBinary() throws Exception {
        String folder = "Bin" + System.nanoTime();
        String output = python(
                """
                import imaplib, sys
                from email.mime.multipart import MIMEMultipart
                from email.mime.text import MIMEText
                from email.mime.application import MIMEApplication
                data = bytes(range(256)) * 40
                msg = MIMEMultipart()
                msg['Subject'] = 'binary attachment'
                msg.attach(MIMEText('caf\u00e9 ' * 30, 'plain', 'utf-8'))
                msg.attach(MIMEApplication(data))
                m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))
                m.login('alice', sys.argv[3])
                print('CAPS', ' '.join(m.capabilities))
                m.create(sys.argv[4])
                raw = msg.as_bytes().replace(b'\\r\\n', b'\\n').replace(b'\\n', b'\\r\\n')
                assert m.append(sys.argv[4], None, None, raw)[0] == 'OK'
                m.select(sys.argv[4])
                typ, got = m.uid('FETCH', '1', '(BINARY.SIZE[2] BINARY.PEEK[2])')
                print('SIZE', got[0][0].decode())
                print('SAME', got[0][1] == data)
                typ, got = m.uid('FETCH', '1', '(BINARY.PEEK[1])')
                print('TEXT', got[0][1].decode('utf-8') == 'caf\u00e9 ' * 30)
                typ, got = m.uid('FETCH', '1', '(BINARY.PEEK[2]<1000.24>)')
                print('PARTIAL', got[0][1] == data[1000:1024])
                m.store('1', '+FLAGS', '\\\\Deleted')
                typ, got = m.status(sys.argv[4], '(MESSAGES SIZE DELETED)')
                print('STATUS', got[0].decode(), len(raw))
                m.close()
                m.delete(sys.argv[4])
                m.logout()
                """,
                folder);
        assertTrue(output.contains(" BINARY"), output);
        assertTrue(output.contains("BINARY.SIZE[2] 10240 BINARY[2] ~{10240}"), output);
        assertTrue(output.contains("SAME True"), output);
        assertTrue(output.contains("TEXT True"), output);
        assertTrue(output.contains("PARTIAL True"), output);
        assertTrue(
                output.matches("(?s).*STATUS \"" + folder + "\" \\(MESSAGES 1 SIZE (\\d+) DELETED 1\\) \\1\\s.*"),
                output);
    }

    @Test
    void pythonImaplibOverImapsAndStartTls() throws Exception {
        String output = python(
                String.join(
                        "\n",
                        "import imaplib, ssl, sys",
                        "context = ssl.create_default_context()",
                        "context.check_hostname = False",
                        "context.verify_mode = ssl.CERT_NONE",
                        "m = imaplib.IMAP4_SSL(sys.argv[1], int(sys.argv[4]), ssl_context=context)",
                        "m.login('alice', sys.argv[3])",
                        "print('IMAPS', m.sock.version(), m.select('INBOX')[0])",
                        "m.logout()",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "print('PLAIN CAPS', ' '.join(m.capabilities))",
                        "m.starttls(ssl_context=context)",
                        "m.login('alice', sys.argv[3])",
                        "print('STARTTLS', m.sock.version(), m.select('INBOX')[0])",
                        "m.logout()"),
                String.valueOf(TestServer.IMAPS_PORT));
        assertTrue(output.contains("IMAPS TLSv1.3 OK"), output);
        assertTrue(output.contains("STARTTLS"), output);
        assertTrue(output.contains("STARTTLS TLSv1.3 OK"), output);
    }

    @Test
    void curlListsFoldersAndFetchesAMessage() throws Exception {
        String folder = "Curl" + System.nanoTime();
        python(
                String.join(
                        "\n",
                        "import imaplib, sys",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "m.login('alice', sys.argv[3])",
                        "m.create(sys.argv[4])",
                        "m.append(sys.argv[4], None, None, b'Subject: for curl\\r\\n\\r\\nfetched by curl\\r\\n')",
                        "m.logout()"),
                folder);
        String base = "imap://" + TestServer.HOST + ":" + TestServer.IMAP_PORT + "/";
        String list = curl(base);
        assertTrue(list.contains("\"" + folder + "\""), list);
        String message = curl(base + folder + ";UID=1");
        assertEquals("Subject: for curl\r\n\r\nfetched by curl\r\n", message);
    }
}
