package dev.merpati.connector.imap;

import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ScriptClient;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IMAP4rev2 (RFC 9051) parts beyond rev1: STATUS DELETED and SIZE, over a real socket. */
class ImapRev2Test {

    private static final String ONE = "Subject: one\r\n\r\nbody\r\n";
    private static final String TWO = "Subject: two\r\n\r\nlonger body\r\n";

    private final FakeMailbox mailbox = new FakeMailbox();
    private TestServers servers;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        mailbox.add("INBOX", ONE);
        mailbox.add("INBOX", TWO);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        ImapConfig config = new ImapConfig(
                1024,
                4096,
                100_000,
                Duration.ofMinutes(30),
                7,
                Path.of(System.getProperty("java.io.tmpdir")),
                null,
                ClientNetworks.parse("127.0.0.0/8"));
        int port = servers.start(new ImapChannelInitializer(
                config,
                false,
                ListenerInvoker.direct(mailbox, servers.workers()),
                ListenerInvoker.direct(mailbox, servers.workers()),
                new MailboxEvents()));
        var client = new ScriptClient(port);
        client.expect("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 ");
        client.script("C: a1 LOGIN alice secret", "S: a1 OK [CAPABILITY IMAP4rev1");
        return client;
    }

    @Test
    void statusReportsSizeAndDeleted() throws Exception {
        int size = ONE.length() + TWO.length();
        try (var client = connect()) {
            client.script(
                    "C: s1 STATUS INBOX (MESSAGES SIZE DELETED)",
                    "S: * STATUS \"INBOX\" (MESSAGES 2 SIZE " + size + " DELETED 0)",
                    "S: s1 OK",
                    "C: s2 STATUS Trash (SIZE DELETED)",
                    "S: * STATUS \"Trash\" (SIZE 0 DELETED 0)",
                    "S: s2 OK",
                    "C: s3 SELECT INBOX");
            while (!client.readLine().startsWith("s3 OK")) {
                // the SELECT's untagged data
            }
            client.script(
                    "C: s4 STORE 2 +FLAGS.SILENT (\\Deleted)",
                    "S: s4 OK",
                    "C: s5 STATUS INBOX (DELETED SIZE)",
                    "S: * STATUS \"INBOX\" (DELETED 1 SIZE " + size + ")",
                    "S: s5 OK",
                    "C: s6 LIST \"\" INBOX RETURN (STATUS (DELETED SIZE))",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * STATUS \"INBOX\" (DELETED 1 SIZE " + size + ")",
                    "S: s6 OK",
                    "C: s7 EXPUNGE",
                    "S: * 2 EXPUNGE",
                    "S: * 1 RECENT",
                    "S: s7 OK",
                    "C: s8 STATUS INBOX (DELETED SIZE MESSAGES)",
                    "S: * STATUS \"INBOX\" (DELETED 0 SIZE " + ONE.length() + " MESSAGES 1)",
                    "S: s8 OK",
                    "C: s9 STATUS INBOX (DELETED FROB)",
                    "S: s9 BAD");
        }
    }
}
