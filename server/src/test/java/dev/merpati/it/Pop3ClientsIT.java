package dev.merpati.it;

import static dev.merpati.testkit.LineClient.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.ServerCertificate;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * POP3 with the clients people use: fetchmail, curl, python's poplib, Jakarta Mail; over POP3 with
 * STLS and over POP3S. Mail goes to alice, whose maildrop these tests own.
 */
class Pop3ClientsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String USER = DemoAccounts.ALICE;
    private static final String PASSWORD = DemoAccounts.ALICE_PASSWORD;

    private static String deliver(String what) throws Exception {
        String subject = Mail.uniqueSubject(what);
        Mail.send(DemoAccounts.BOB, USER, subject, what + " body.\r\n.a line starting with a dot\r\n");
        Mail.awaitPop3Message(USER, PASSWORD, subject, DELIVERY);
        return subject;
    }

    @Test
    void fetchmailKeepsMailWithUidlThenDownloadsAndDeletes() throws Exception {
        String first = deliver("fetchmail one");
        Path home = Files.createTempDirectory("fetchmail");
        Path mbox = home.resolve("delivered.mbox");

        // Keep mode: everything is fetched once; UIDL lets the second run see that nothing is new.
        Tools.Result run = fetchmail(home, mbox, "keep");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(Files.readString(mbox).contains("Subject: " + first), run.output());
        Tools.Result again = fetchmail(home, mbox, "keep");
        assertEquals(1, again.exitCode(), "fetchmail found new mail where there was none: " + again.output());

        String second = deliver("fetchmail two");
        Files.delete(mbox);
        Tools.Result third = fetchmail(home, mbox, "keep");
        assertEquals(0, third.exitCode(), third.output());
        String delivered = Files.readString(mbox);
        assertTrue(delivered.contains("Subject: " + second), third.output());
        assertFalse(delivered.contains("Subject: " + first), "a kept message was fetched twice: " + third.output());
        assertTrue(delivered.contains("\n.a line starting with a dot"), "byte-stuffing was not undone");

        // Download-and-delete mode, over STLS: afterwards the maildrop is empty.
        Files.delete(mbox);
        Tools.Result flush = fetchmail(home, mbox, "nokeep fetchall");
        assertEquals(0, flush.exitCode(), flush.output());
        delivered = Files.readString(mbox);
        assertTrue(delivered.contains("Subject: " + first) && delivered.contains("Subject: " + second));
        assertTrue(
                flush.output().contains("STLS") || flush.output().toLowerCase().contains("tls"), flush.output());
        try (LineClient pop3 = LineClient.pop3Login(TestServer.HOST, TestServer.POP3_PORT, USER, PASSWORD)) {
            assertReply("+OK 0 0", pop3.pop3("STAT"));
            assertReply("+OK", pop3.pop3("QUIT"));
        }
    }

    private static Tools.Result fetchmail(Path home, Path mbox, String mode) throws Exception {
        Path rc = home.resolve("fetchmailrc");
        Files.writeString(
                rc,
                "set no bouncemail\n"
                        + "poll 127.0.0.1 port " + TestServer.POP3_PORT + " protocol POP3 uidl\n"
                        + "  user \"" + USER + "\" there with password \"" + PASSWORD + "\" is root here\n"
                        + "  " + mode + "\n"
                        // The poll name is an address; the certificate names the IT domain's host name.
                        + "  sslcertfile \"" + ServerCertificate.certificatePem() + "\" sslcertck sslcommonname \""
                        + ServerCertificate.HOST_NAME + "\"\n"
                        + "  mda \"cat >> " + mbox + "\"\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        return Tools.run(
                List.of(
                        "fetchmail",
                        "-v",
                        "--nodetach",
                        "--nosyslog",
                        "-f",
                        rc.toString(),
                        "--idfile",
                        home.resolve("uidl").toString(),
                        "--pidfile",
                        home.resolve("pid").toString()),
                Map.of("FETCHMAILHOME", home.toString(), "HOME", home.toString()));
    }

    @Test
    void curlListsAndRetrievesOverPlainStlsAndPop3s() throws Exception {
        String subject = deliver("curl");
        String credentials = USER + ":" + PASSWORD;
        String base = "pop3://" + TestServer.HOST + ":" + TestServer.POP3_PORT + "/";
        Tools.Result list = Tools.run("curl", "-sS", "--max-time", "30", base, "-u", credentials);
        assertEquals(0, list.exitCode(), list.output());
        List<String> numbers = new ArrayList<>();
        for (String line : list.output().split("\r?\n")) {
            if (!line.isBlank()) {
                numbers.add(line.split(" ")[0]);
            }
        }
        assertFalse(numbers.isEmpty(), list.output());
        String last = numbers.get(numbers.size() - 1);

        String cafile = ServerCertificate.certificatePem().toString();
        Tools.Result stls = Tools.run(
                "curl", "-sS", "--max-time", "30", "--ssl-reqd", "--cacert", cafile, base + last, "-u", credentials);
        assertEquals(0, stls.exitCode(), stls.output());
        assertTrue(stls.output().contains("Subject: " + subject), stls.output());

        String pop3s = "pop3s://" + TestServer.HOST + ":" + TestServer.POP3S_PORT + "/";
        Tools.Result implicit =
                Tools.run("curl", "-sS", "--max-time", "30", "--cacert", cafile, pop3s + last, "-u", credentials);
        assertEquals(0, implicit.exitCode(), implicit.output());
        assertTrue(implicit.output().contains("Subject: " + subject), implicit.output());

        Tools.Result wrong = Tools.run("curl", "-sS", "--max-time", "30", base, "-u", USER + ":not-the-password");
        assertEquals(67, wrong.exitCode(), "curl's 'login denied': " + wrong.output());
    }

    @Test
    void pythonPoplibOverStls() throws Exception {
        String subject = deliver("poplib");
        String script = String.join(
                "\n",
                "import poplib, ssl, sys",
                "host, port, user, password, cafile, subject = sys.argv[1:7]",
                "context = ssl.create_default_context(cafile=cafile)",
                "p = poplib.POP3(host, int(port), timeout=30)",
                "caps = p.capa()",
                "assert 'STLS' in caps, caps",
                "print(p.stls(context=context).decode())",
                "caps = p.capa()",
                "assert 'STLS' not in caps and 'USER' in caps and 'UIDL' in caps, caps",
                "p.user(user)",
                "print(p.pass_(password).decode())",
                "count, size = p.stat()",
                "uids = p.uidl()[1]",
                "assert len(uids) == count, (uids, count)",
                "found = False",
                "for entry in uids:",
                "    number = int(entry.split()[0])",
                "    response, lines, octets = p.retr(number)",
                "    listed = int(p.list(number).split()[2])",
                "    assert listed == octets, (listed, octets)",
                "    if ('Subject: ' + subject).encode() in lines: found = True",
                "assert found, 'message not found'",
                "print('cipher', p.sock.cipher()[0], p.sock.version())",
                "print(p.quit().decode())");
        String output = Tools.python(
                script,
                TestServer.HOST,
                String.valueOf(TestServer.POP3_PORT),
                USER,
                PASSWORD,
                ServerCertificate.certificatePem().toString(),
                subject);
        assertTrue(output.contains("+OK Begin TLS"), output);
        assertTrue(output.contains("TLSv1."), output);
    }

    @Test
    void jakartaMailPop3WithStlsAndPop3s() throws Exception {
        String subject = deliver("jakarta mail");
        for (String protocol : List.of("pop3", "pop3s")) {
            Properties props = new Properties();
            props.put("mail." + protocol + ".host", TestServer.HOST);
            props.put(
                    "mail." + protocol + ".port",
                    String.valueOf(protocol.equals("pop3") ? TestServer.POP3_PORT : TestServer.POP3S_PORT));
            props.put("mail." + protocol + ".ssl.trust", TestServer.HOST);
            props.put("mail." + protocol + ".ssl.checkserveridentity", "false");
            props.put("mail.pop3.starttls.enable", "true");
            props.put("mail.pop3.starttls.required", "true");
            props.put("mail." + protocol + ".timeout", "30000");
            Store store = Session.getInstance(props).getStore(protocol);
            store.connect(USER, PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                boolean found = false;
                for (Message message : inbox.getMessages()) {
                    found |= subject.equals(message.getSubject());
                }
                assertTrue(found, protocol + ": message not found");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aSecondSessionGetsInUseWhileTheFirstIsOpen() throws Exception {
        deliver("in use");
        try (LineClient first = LineClient.pop3Login(TestServer.HOST, TestServer.POP3_PORT, USER, PASSWORD)) {
            try (LineClient second = new LineClient(TestServer.HOST, TestServer.POP3_PORT)) {
                assertReply("+OK", second.readLine());
                assertReply("+OK", second.pop3("USER " + USER));
                assertReply("-ERR [IN-USE]", second.pop3("PASS " + PASSWORD));
            }
            assertReply("+OK", first.pop3("QUIT"));
        }
        try (LineClient again = LineClient.pop3Login(TestServer.HOST, TestServer.POP3_PORT, USER, PASSWORD)) {
            assertReply("+OK", again.pop3("QUIT"));
        }
        // A session whose client vanished without QUIT does not keep the maildrop locked.
        LineClient dropped = LineClient.pop3Login(TestServer.HOST, TestServer.POP3_PORT, USER, PASSWORD);
        dropped.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (LineClient next = new LineClient(TestServer.HOST, TestServer.POP3_PORT)) {
                assertReply("+OK", next.readLine());
                next.pop3("USER " + USER);
                String reply = next.pop3("PASS " + PASSWORD);
                if (reply.startsWith("+OK")) {
                    break;
                }
                assertReply("-ERR [IN-USE]", reply);
                assertTrue(System.nanoTime() < deadline, "the dropped session's lock was never released");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void capaAdvertisesWhatTheServerDoes() throws Exception {
        try (LineClient pop3 = new LineClient(TestServer.HOST, TestServer.POP3_PORT)) {
            assertReply("+OK", pop3.readLine());
            assertReply("+OK", pop3.pop3("CAPA"));
            List<String> capabilities = pop3.readPop3Lines();
            for (String expected : List.of(
                    "TOP", "UIDL", "USER", "SASL PLAIN", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "STLS")) {
                assertTrue(capabilities.contains(expected), expected + " missing from " + capabilities);
            }
            assertTrue(capabilities.stream().anyMatch(c -> c.startsWith("IMPLEMENTATION ")), capabilities::toString);
        }
    }
}
