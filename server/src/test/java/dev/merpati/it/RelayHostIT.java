package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The relay host (smarthost): the IT domain sends every remote domain without a transport map
 * entry to [127.0.0.1]:PORTBASE+33 and logs in there as relay-user (server/scripts/it-domain.sh).
 * The peer here plays a submission server: STARTTLS, then AUTH required before MAIL.
 */
class RelayHostIT {

    private static final int RELAY_PORT = TestServer.RELAY_HOST_PORT;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void mailForADomainWithoutTransportEntryGoesThroughTheRelayHostAfterAuthOverTls() throws Exception {
        try (RelayPeer relay = new RelayPeer(tls())) {
            String to = "friend-" + UUID.randomUUID().toString().substring(0, 8) + "@far-away.test";
            String subject = Mail.uniqueSubject("through the relay host");
            Mail.send(ALICE, to, subject, "relayed\r\n");

            Relayed mail = relay.await(to);
            assertEquals("relay-user", mail.login());
            assertTrue(mail.overTls(), "the login must come after STARTTLS");
            assertEquals("<" + ALICE + ">", mail.from());
            assertTrue(mail.data().contains("Subject: " + subject), mail.data());
            assertTrue(mail.data().contains("relayed\r\n"), mail.data());
        }
    }

    record Relayed(String login, boolean overTls, String from, List<String> to, String data) {}

    /** A throw-away key for the peer's STARTTLS (the client does not check certificates, as Postfix's "may"). */
    private static SSLContext tls() throws Exception {
        Path dir = Files.createTempDirectory("relay-peer");
        Path keystore = dir.resolve("peer.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "peer",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=relay.test",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** STARTTLS, then AUTH PLAIN or LOGIN as relay-user / relay-secret, required before MAIL. */
    static final class RelayPeer implements AutoCloseable {
        private final SSLContext tls;
        private final ServerSocket server;
        private final BlockingQueue<Relayed> received = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile Socket session;

        RelayPeer(SSLContext tls) throws IOException {
            this.tls = tls;
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), RELAY_PORT));
            thread = new Thread(this::serve, "relay-peer");
            thread.setDaemon(true);
            thread.start();
        }

        Relayed await(String recipient) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                Relayed r = received.poll(1, TimeUnit.SECONDS);
                if (r != null && r.to().contains("<" + recipient + ">")) {
                    return r;
                }
            }
            assertNotNull(null, "no mail for " + recipient + " at the relay host");
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

        private void session(Socket plain) throws IOException {
            Socket s = plain;
            BufferedReader in = reader(s);
            OutputStream out = s.getOutputStream();
            reply(out, "220 relay.test ESMTP");
            boolean secure = false;
            String login = null;
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, secure ? "250-relay.test\r\n250 AUTH PLAIN LOGIN" : "250-relay.test\r\n250 STARTTLS");
                } else if (upper.equals("STARTTLS") && !secure) {
                    reply(out, "220 2.0.0 ready");
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, true);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    s = ssl;
                    in = reader(s);
                    out = s.getOutputStream();
                    secure = true;
                } else if (upper.startsWith("AUTH PLAIN ") && secure) {
                    String[] parts = decode(line.substring(11)).split("\0", -1);
                    if (parts.length == 3 && parts[1].equals("relay-user") && parts[2].equals("relay-secret")) {
                        login = parts[1];
                        reply(out, "235 2.7.0 authenticated");
                    } else {
                        reply(out, "535 5.7.8 bad credentials");
                    }
                } else if (upper.equals("AUTH LOGIN") && secure) {
                    reply(out, "334 VXNlcm5hbWU6");
                    String user = decode(in.readLine());
                    reply(out, "334 UGFzc3dvcmQ6");
                    String password = decode(in.readLine());
                    if (user.equals("relay-user") && password.equals("relay-secret")) {
                        login = user;
                        reply(out, "235 2.7.0 authenticated");
                    } else {
                        reply(out, "535 5.7.8 bad credentials");
                    }
                } else if (upper.startsWith("MAIL FROM:")) {
                    if (login == null) {
                        reply(out, "530 5.7.0 authentication required");
                        continue;
                    }
                    from = line.substring(10).trim();
                    to.clear();
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    to.add(line.substring(8).trim());
                    reply(out, "250 2.1.5 ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                    }
                    received.add(new Relayed(login, secure, from, List.copyOf(to), data.toString()));
                    reply(out, "250 2.0.0 queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "502 5.5.1 not here");
                }
            }
        }

        private static String decode(String base64) {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        }

        private static BufferedReader reader(Socket s) throws IOException {
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

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
