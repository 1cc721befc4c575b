package dev.merpati.connector.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpDeliveryResult;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTH at the relay host, against a scripted peer that speaks STARTTLS with a throw-away key. */
class RelayAuthTest {

    private static final SmtpClient CLIENT = new SmtpClient("mail.merpati.test", ClientTimeouts.all(5000));
    private static final RelayCredentials LOGIN = new RelayCredentials("relay-user", "s3cret");

    @TempDir
    static Path dir;

    private static SSLContext tls;

    @BeforeAll
    static void makeKey() throws Exception {
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
        tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        assertTrue(Files.exists(keystore));
    }

    private static MessageContent content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new MessageContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /**
     * A relay host: offers STARTTLS (if {@code offerTls}), then after TLS the AUTH mechanisms
     * given, accepts the login relay-user / s3cret and the mail. Returns the commands it saw
     * (AUTH responses decoded).
     */
    private static CompletableFuture<List<String>> relay(ServerSocket server, boolean offerTls, String mechanisms) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>();
            try (Socket plain = server.accept()) {
                Socket s = plain;
                BufferedReader in = reader(s);
                OutputStream out = s.getOutputStream();
                send(out, "220 relay.test ESMTP");
                boolean secure = false;
                String pendingLogin = null;
                String line;
                while ((line = in.readLine()) != null) {
                    seen.add(line);
                    String upper = line.toUpperCase();
                    if (pendingLogin != null) {
                        String decoded = new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
                        seen.set(seen.size() - 1, "(" + decoded + ")");
                        if (pendingLogin.equals("user")) {
                            pendingLogin = decoded.equals("relay-user") ? "password" : "bad";
                            send(out, "334 UGFzc3dvcmQ6");
                        } else {
                            boolean ok = pendingLogin.equals("password") && decoded.equals("s3cret");
                            send(out, ok ? "235 2.7.0 ok" : "535 5.7.8 no");
                            pendingLogin = null;
                        }
                    } else if (upper.startsWith("EHLO")) {
                        if (!secure) {
                            send(out, offerTls ? "250-relay.test\r\n250 STARTTLS" : "250-relay.test\r\n250 AUTH PLAIN");
                        } else {
                            send(out, "250-relay.test\r\n250 AUTH " + mechanisms);
                        }
                    } else if (upper.equals("STARTTLS")) {
                        send(out, "220 2.0.0 go");
                        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, true);
                        ssl.setUseClientMode(false);
                        ssl.startHandshake();
                        s = ssl;
                        in = reader(s);
                        out = s.getOutputStream();
                        secure = true;
                    } else if (upper.startsWith("AUTH PLAIN ")) {
                        String decoded =
                                new String(Base64.getDecoder().decode(line.substring(11)), StandardCharsets.UTF_8);
                        seen.set(seen.size() - 1, "AUTH PLAIN (" + decoded.replace('\0', '|') + ")");
                        send(out, decoded.equals("\0relay-user\0s3cret") ? "235 2.7.0 ok" : "535 5.7.8 no");
                    } else if (upper.equals("AUTH LOGIN")) {
                        pendingLogin = "user";
                        send(out, "334 VXNlcm5hbWU6");
                    } else if (upper.startsWith("MAIL") || upper.startsWith("RCPT")) {
                        send(out, "250 2.0.0 ok");
                    } else if (upper.equals("DATA")) {
                        send(out, "354 go");
                        while (!(line = in.readLine()).equals(".")) {
                            // the content
                        }
                        send(out, "250 2.0.0 queued");
                    } else if (upper.equals("QUIT")) {
                        send(out, "221 bye");
                        break;
                    } else {
                        send(out, "502 5.5.1 what");
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return seen;
        });
    }

    private static BufferedReader reader(Socket s) throws java.io.IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(OutputStream out, String reply) throws java.io.IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static List<SmtpDeliveryResult> deliver(ServerSocket server, RelayCredentials credentials) {
        return CLIENT.deliver(
                "127.0.0.1",
                server.getLocalPort(),
                "a@merpati.test",
                List.of("x@far.test"),
                content("Subject: s\r\n\r\nhi\r\n"),
                credentials);
    }

    @Test
    void logsInWithAuthPlainAfterStartTls() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> peer = relay(server, true, "PLAIN LOGIN");
            List<SmtpDeliveryResult> results = deliver(server, LOGIN);
            List<String> seen = peer.get(10, TimeUnit.SECONDS);
            assertEquals(250, results.get(0).code(), results.toString());
            assertEquals("STARTTLS", seen.get(1));
            assertEquals("AUTH PLAIN (|relay-user|s3cret)", seen.get(3));
            assertTrue(seen.get(4).startsWith("MAIL FROM:<a@merpati.test>"), seen.toString());
        }
    }

    @Test
    void logsInWithAuthLoginWhenThatIsAllThereIs() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> peer = relay(server, true, "LOGIN");
            List<SmtpDeliveryResult> results = deliver(server, LOGIN);
            List<String> seen = peer.get(10, TimeUnit.SECONDS);
            assertEquals(250, results.get(0).code(), results.toString());
            assertEquals(List.of("AUTH LOGIN", "(relay-user)", "(s3cret)"), seen.subList(3, 6));
        }
    }

    @Test
    void aRefusedLoginDefersTheMail() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> peer = relay(server, true, "PLAIN");
            List<SmtpDeliveryResult> results = deliver(server, new RelayCredentials("relay-user", "wrong"));
            List<String> seen = peer.get(10, TimeUnit.SECONDS);
            SmtpDeliveryResult r = results.get(0);
            assertFalse(r.accepted() || r.permanent(), r.toString());
            assertEquals("4.7.8", r.enhancedCode(), r.text());
            assertTrue(r.text().contains("535 5.7.8"), r.text());
            assertTrue(seen.stream().noneMatch(l -> l.startsWith("MAIL")), seen.toString());
        }
    }

    @Test
    void thePasswordNeverGoesInTheClear() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> peer = relay(server, false, "PLAIN");
            List<SmtpDeliveryResult> results = deliver(server, LOGIN);
            List<String> seen = peer.get(10, TimeUnit.SECONDS);
            SmtpDeliveryResult r = results.get(0);
            assertFalse(r.accepted() || r.permanent(), r.toString());
            assertEquals("4.7.0", r.enhancedCode(), r.text());
            assertTrue(seen.stream().noneMatch(l -> l.startsWith("AUTH") || l.startsWith("MAIL")), seen.toString());
        }
    }
}
