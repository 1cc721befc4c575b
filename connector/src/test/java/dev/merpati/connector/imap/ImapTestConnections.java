package dev.merpati.connector.imap;

import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.ScriptClient;
import java.nio.file.Path;
import java.time.Duration;

/** A real IMAP listener over a {@link FakeMailbox} for conversation tests, and clients greeted by it. */
final class ImapTestConnections {

    private ImapTestConnections() {}

    /** Small limits, the server writing in 7-octet chunks, plaintext login allowed from loopback. */
    static ImapConfig testConfig() {
        return new ImapConfig(
                1024,
                4096,
                100_000,
                Duration.ofMinutes(30),
                7,
                Path.of(System.getProperty("java.io.tmpdir")),
                null,
                ClientNetworks.parse("127.0.0.0/8"));
    }

    /** A client that has read the greeting and not logged in. */
    static ScriptClient greeted(TestServers servers, FakeMailbox mailbox, MailboxEvents events, ImapConfig config)
            throws InterruptedException {
        int port = servers.start(new ImapChannelInitializer(
                config,
                false,
                ListenerInvoker.direct(mailbox, servers.workers()),
                ListenerInvoker.direct(mailbox, servers.workers()),
                events));
        var client = new ScriptClient(port);
        client.expect("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 ");
        return client;
    }

    /** A client logged in as alice, on a listener of its own. */
    static ScriptClient loggedIn(TestServers servers, FakeMailbox mailbox) throws InterruptedException {
        ScriptClient client = greeted(servers, mailbox, new MailboxEvents(), testConfig());
        login(client);
        return client;
    }

    static void login(ScriptClient client) {
        client.script("C: a1 LOGIN alice secret", "S: a1 OK [CAPABILITY IMAP4rev1");
    }
}
