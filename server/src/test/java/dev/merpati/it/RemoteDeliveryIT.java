package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static dev.merpati.testkit.DemoAccounts.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.Mailboxes;
import dev.merpati.testkit.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Remote delivery through the connector's SMTP client to a real SMTP peer on a loopback socket,
 * run by the test: the IT domain's transport map sends remote.test to PORTBASE+30 and retries
 * deferred mail every 5 s for 25 s (server/scripts/it-domain.sh).
 */
class RemoteDeliveryIT {

    private static final int PEER_PORT = TestServer.REMOTE_PEER_PORT;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Peer peer;

    @AfterEach
    void stopPeer() throws IOException {
        if (peer != null) {
            peer.close();
        }
    }

    private static String remoteAddress() {
        return "far-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.test";
    }

    @Test
    void mailToARemoteDomainArrivesAtItsNextHopWithTheBodyIntact() throws Exception {
        peer = new Peer(null);
        String to = remoteAddress();
        String subject = Mail.uniqueSubject("to a remote peer");
        Mail.send(ALICE, to, subject, "first line\r\n.a line that starts with a dot\r\n..two dots\r\nlast\r\n");

        Received mail = peer.await(to);
        assertEquals("<" + ALICE + ">", mail.from());
        assertEquals(List.of("<" + to + ">"), mail.to());
        assertTrue(mail.data().contains("Subject: " + subject), mail.data());
        assertTrue(
                mail.data().contains("first line\r\n.a line that starts with a dot\r\n..two dots\r\nlast\r\n"),
                mail.data());
        assertTrue(mail.data().contains("Received: "), mail.data());
    }

    @Test
    void recipientsInOneDomainShareOneSessionAndOneCopy() throws Exception {
        peer = new Peer(null);
        String first = remoteAddress();
        String second = remoteAddress();
        String subject = Mail.uniqueSubject("two remote recipients");
        Mail.send(ALICE, first + ", " + second, subject, "one copy for both\r\n");

        Received mail = peer.await(first);
        assertEquals(List.of("<" + first + ">", "<" + second + ">"), mail.to());
        assertTrue(mail.data().contains("Subject: " + subject), mail.data());
    }

    @Test
    void mailIsDeferredWhileThePeerIsDownAndDeliveredWhenItComesBack() throws Exception {
        AdminApi admin = AdminApi.asAlice();
        String to = remoteAddress();
        String subject = Mail.uniqueSubject("peer down");
        Mail.send(ALICE, to, subject, "try again later\r\n");

        String block = QueueAdminIT.awaitEntry(admin, to + " DEFERRED");
        assertTrue(block.contains("4.4.1 connection to 127.0.0.1:" + PEER_PORT + " failed"), block);

        peer = new Peer(null);
        Received mail = peer.await(to);
        assertTrue(mail.data().contains("Subject: " + subject), mail.data());
        assertTrue(mail.data().contains("try again later\r\n"), mail.data());
    }

    @Test
    void aPermanentRefusalReturnsADsnToTheSender() throws Exception {
        peer = new Peer("550 5.1.1 no such user here");
        String to = remoteAddress();
        Mail.send(ALICE, to, Mail.uniqueSubject("to a refusing peer"), "you will not get this\r\n");

        List<String> dsn = Mailboxes.await(ALICE, ALICE_PASSWORD, "Final-Recipient: rfc822; " + to, 1, WAIT);
        String report = dsn.get(0);
        assertTrue(report.contains("Status: 5.1.1"), report);
        assertTrue(report.contains("no such user here"), report);
        assertTrue(report.contains("Action: failed"), report);
    }

    record Received(String from, List<String> to, String data) {}

    /** A minimal SMTP server: accepts everything, or refuses every RCPT with the given reply. */
    static final class Peer implements AutoCloseable {
        private final ServerSocket server;
        private final String rcptRefusal;
        private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile Socket session;

        Peer(String rcptRefusal) throws IOException {
            this.rcptRefusal = rcptRefusal;
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), PEER_PORT));
            thread = new Thread(this::serve, "smtp-peer");
            thread.setDaemon(true);
            thread.start();
        }

        Received await(String recipient) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                Received r = received.poll(1, TimeUnit.SECONDS);
                if (r != null && r.to().contains("<" + recipient + ">")) {
                    return r;
                }
            }
            assertNotNull(null, "no mail for " + recipient + " at the peer");
            return null;
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    session = s;
                    s.setSoTimeout(30_000);
                    session(s);
                } catch (IOException e) {
                    // closed, or a broken session: the next one
                }
            }
        }

        private void session(Socket s) throws IOException {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            reply(out, "220 peer.remote.test ESMTP");
            String from = null;
            List<String> to = new java.util.ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-peer.remote.test\r\n250 8BITMIME");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = line.substring(10).trim();
                    to.clear();
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    if (rcptRefusal != null) {
                        reply(out, rcptRefusal);
                    } else {
                        to.add(line.substring(8).trim());
                        reply(out, "250 2.1.5 ok");
                    }
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                    }
                    received.add(new Received(from, List.copyOf(to), data.toString()));
                    reply(out, "250 2.0.0 queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "502 5.5.1 not here");
                }
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /**
         * Closing a server socket that another thread is blocked accepting on only pre-closes it: the
         * port stays bound until that thread has left accept(). Wait for it, so that the next test
         * can bind the same port.
         */
        @Override
        public void close() throws IOException {
            server.close();
            Socket open = session;
            if (open != null) {
                open.close();
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
