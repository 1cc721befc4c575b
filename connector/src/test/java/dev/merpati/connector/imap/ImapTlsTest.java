package dev.merpati.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ServerTls;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.TestKeystore;
import dev.merpati.testkit.TestSockets;
import java.io.BufferedReader;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS and IMAPS, and LOGINDISABLED for a client outside the plaintext-login networks. */
class ImapTlsTest {

    @TempDir
    static Path directory;

    private static TestServers plainServers;
    private static TestServers implicitServers;
    private static int plainPort;
    private static int implicitPort;

    @BeforeAll
    static void start() throws Exception {
        ServerTls tls =
                ServerTls.fromKeystore(TestKeystore.create(directory, "localhost"), TestKeystore.PASSWORD, "PKCS12");
        // Nobody may log in without TLS: the test client on 127.0.0.1 is "outside".
        ImapConfig config = ImapConfig.defaults(100_000).withTls(tls, ClientNetworks.parse(""));
        FakeMailbox mailbox = new FakeMailbox();
        plainServers = new TestServers();
        plainPort = plainServers.start(new ImapChannelInitializer(
                config,
                false,
                ListenerInvoker.direct(mailbox, plainServers.workers()),
                ListenerInvoker.direct(mailbox, plainServers.workers()),
                new MailboxEvents()));
        implicitServers = new TestServers();
        implicitPort = implicitServers.start(new ImapChannelInitializer(
                config,
                true,
                ListenerInvoker.direct(mailbox, implicitServers.workers()),
                ListenerInvoker.direct(mailbox, implicitServers.workers()),
                new MailboxEvents()));
    }

    @AfterAll
    static void stop() throws Exception {
        plainServers.close();
        implicitServers.close();
    }

    @Test
    void startTlsThenLoginAndInjectedCommandsAreDiscarded() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", plainPort)) {
            BufferedReader in = TestSockets.reader(plain);
            String greeting = in.readLine();
            assertTrue(greeting.contains(" STARTTLS LOGINDISABLED]"), greeting);
            TestSockets.send(plain.getOutputStream(), "a LOGIN alice secret\r\n");
            assertTrue(in.readLine().startsWith("a NO [PRIVACYREQUIRED]"));
            // "b LOGIN" rides behind STARTTLS in the clear: it must never run.
            TestSockets.send(plain.getOutputStream(), "s STARTTLS\r\nb LOGIN alice secret\r\n");
            assertEquals("s OK Begin TLS negotiation now", in.readLine());
            try (SSLSocket secure = TestSockets.upgrade(plain)) {
                BufferedReader secureIn = TestSockets.reader(secure);
                TestSockets.send(secure.getOutputStream(), "c CAPABILITY\r\n");
                String capabilities = secureIn.readLine();
                assertTrue(capabilities.contains(" AUTH=PLAIN"), capabilities);
                assertTrue(!capabilities.contains("STARTTLS"), capabilities);
                assertTrue(secureIn.readLine().startsWith("c OK"));
                TestSockets.send(secure.getOutputStream(), "d LOGIN alice secret\r\n");
                assertTrue(secureIn.readLine().startsWith("d OK [CAPABILITY"));
            }
        }
    }

    @Test
    void imapsSpeaksTlsFromTheFirstByte() throws Exception {
        try (SSLSocket secure = TestSockets.tls(implicitPort)) {
            BufferedReader in = TestSockets.reader(secure);
            String greeting = in.readLine();
            assertTrue(greeting.contains(" AUTH=PLAIN]") && !greeting.contains("STARTTLS"), greeting);
            TestSockets.send(secure.getOutputStream(), "a LOGIN alice secret\r\nb STARTTLS\r\n");
            assertTrue(in.readLine().startsWith("a OK"));
            assertTrue(in.readLine().startsWith("b BAD"));
        }
    }
}
