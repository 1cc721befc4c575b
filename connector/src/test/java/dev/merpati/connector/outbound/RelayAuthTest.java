package dev.merpati.connector.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestKeystore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTH at the relay host, against a scripted peer that speaks STARTTLS with a throw-away key the
 * client trusts (its certificate is in the client's trust store). {@link RelayTlsTest} has the
 * certificates that are not trusted.
 */
class RelayAuthTest {

    private static final SmtpClient CLIENT = new SmtpClient("mail.merpati.test", ClientTimeouts.all(5000));
    private static final RelayCredentials LOGIN = new RelayCredentials("relay-user", "s3cret");

    @TempDir
    static Path dir;

    private static SSLContext tls;
    private static RelayTls trust;

    @BeforeAll
    static void makeKey() throws Exception {
        Path keystore = TestKeystore.create(dir, "relay.test");
        tls = TestKeystore.serverContext(keystore);
        trust = RelayTls.fromTrustStore(
                TestKeystore.trustStore(dir.resolve("trust.p12"), keystore), TestKeystore.PASSWORD);
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
     * given, accepts the login relay-user / s3cret and the mail.
     */
    private static SmtpPeer relay(boolean offerTls, String mechanisms) throws IOException {
        return SmtpPeer.on(0)
                .hostName("relay.test")
                .startTls(offerTls ? tls : null)
                .auth(mechanisms, "relay-user", "s3cret")
                .start();
    }

    /** The commands the relay host saw in the client's session (AUTH responses decoded). */
    private static List<String> seen(SmtpPeer peer) throws InterruptedException {
        return peer.awaitSession(Duration.ofSeconds(10));
    }

    private static List<SmtpDeliveryResult> deliver(SmtpPeer server, RelayCredentials credentials) {
        return CLIENT.relay(
                new SmtpClient.RelayLogin("127.0.0.1", credentials, trust),
                "127.0.0.1",
                server.port(),
                "a@merpati.test",
                List.of("x@far.test"),
                content("Subject: s\r\n\r\nhi\r\n"));
    }

    @Test
    void logsInWithAuthPlainAfterStartTls() throws Exception {
        try (SmtpPeer server = relay(true, "PLAIN LOGIN")) {
            List<SmtpDeliveryResult> results = deliver(server, LOGIN);
            List<String> seen = seen(server);
            assertEquals(250, results.get(0).code(), results.toString());
            assertEquals("STARTTLS", seen.get(1));
            assertEquals("AUTH PLAIN (|relay-user|s3cret)", seen.get(3));
            assertTrue(seen.get(4).startsWith("MAIL FROM:<a@merpati.test>"), seen.toString());
        }
    }

    @Test
    void logsInWithAuthLoginWhenThatIsAllThereIs() throws Exception {
        try (SmtpPeer server = relay(true, "LOGIN")) {
            List<SmtpDeliveryResult> results = deliver(server, LOGIN);
            List<String> seen = seen(server);
            assertEquals(250, results.get(0).code(), results.toString());
            assertEquals(List.of("AUTH LOGIN", "(relay-user)", "(s3cret)"), seen.subList(3, 6));
        }
    }

    @Test
    void aRefusedLoginDefersTheMail() throws Exception {
        try (SmtpPeer server = relay(true, "PLAIN")) {
            List<SmtpDeliveryResult> results = deliver(server, new RelayCredentials("relay-user", "wrong"));
            List<String> seen = seen(server);
            SmtpDeliveryResult r = results.get(0);
            assertFalse(r.accepted() || r.permanent(), r.toString());
            assertEquals("4.7.8", r.enhancedCode(), r.text());
            assertTrue(r.text().contains("535 5.7.8"), r.text());
            assertTrue(seen.stream().noneMatch(l -> l.startsWith("MAIL")), seen.toString());
        }
    }

    @Test
    void thePasswordNeverGoesInTheClear() throws Exception {
        try (SmtpPeer server = relay(false, "PLAIN")) {
            List<SmtpDeliveryResult> results = deliver(server, LOGIN);
            List<String> seen = seen(server);
            SmtpDeliveryResult r = results.get(0);
            assertFalse(r.accepted() || r.permanent(), r.toString());
            assertEquals("4.7.0", r.enhancedCode(), r.text());
            assertTrue(seen.stream().noneMatch(l -> l.startsWith("AUTH") || l.startsWith("MAIL")), seen.toString());
        }
    }
}
