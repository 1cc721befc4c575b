package dev.merpati.connector.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpClientConnectionFactory;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.testkit.SmtpPeer;
import dev.merpati.testkit.TestKeystore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay host's certificate is checked before the password is sent: its chain must lead to a
 * trusted certificate and it must be valid for the relay host's name. The peers here speak STARTTLS
 * with self-signed keys made by keytool and offer AUTH after it, recording every command.
 */
class RelayTlsTest {

    private static final SmtpClient CLIENT = new SmtpClient("mail.merpati.test", ClientTimeouts.all(5000));
    private static final String PASSWORD = "s3cret";
    private static final RelayCredentials LOGIN = new RelayCredentials("relay-user", PASSWORD);

    @TempDir
    static Path dir;

    /** A key for relay.test and 127.0.0.1, and a trust store with its certificate. */
    private static Path relayKey;

    private static Path relayTrust;
    /** A key for other.test only, and a trust store with its certificate. */
    private static Path otherKey;

    private static Path otherTrust;

    @BeforeAll
    static void makeKeys() throws Exception {
        relayKey = TestKeystore.createAt(dir.resolve("relay.p12"), "relay.test", "dns:relay.test,ip:127.0.0.1");
        relayTrust = TestKeystore.trustStore(dir.resolve("relay-trust.p12"), relayKey);
        otherKey = TestKeystore.createAt(dir.resolve("other.p12"), "other.test", "dns:other.test");
        otherTrust = TestKeystore.trustStore(dir.resolve("other-trust.p12"), otherKey);
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

    /** A relay host with this key: STARTTLS, then AUTH PLAIN or LOGIN as relay-user required before MAIL. */
    private static SmtpPeer relay(Path key) throws Exception {
        return SmtpPeer.on(0)
                .hostName("relay.test")
                .startTls(TestKeystore.serverContext(key))
                .auth("PLAIN LOGIN", "relay-user", PASSWORD)
                .start();
    }

    private static List<SmtpDeliveryResult> relay(SmtpPeer peer, String name, RelayTls trust) {
        return CLIENT.relay(
                new SmtpClient.RelayLogin(name, LOGIN, trust),
                "127.0.0.1",
                peer.port(),
                "a@merpati.test",
                List.of("x@far.test"),
                content("Subject: s\r\n\r\nhi\r\n"));
    }

    private static List<String> seen(SmtpPeer peer) throws InterruptedException {
        return peer.awaitSession(Duration.ofSeconds(10));
    }

    /** The session ended after STARTTLS with QUIT alone: no AUTH, no password in any form. */
    private static void assertNoLogin(List<String> seen) {
        assertTrue(seen.get(0).startsWith("EHLO "), seen.toString());
        assertEquals(List.of("STARTTLS", "QUIT"), seen.subList(1, seen.size()));
        String base64Password = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        String plainResponse = LOGIN.plainResponse();
        for (String line : seen) {
            assertFalse(line.toUpperCase().startsWith("AUTH"), seen.toString());
            assertFalse(
                    line.contains(PASSWORD) || line.contains(base64Password) || line.contains(plainResponse),
                    "the password reached the peer: " + seen);
        }
    }

    /** A temporary failure for a certificate that is not trusted, saying why. */
    private static void assertDeferredAsUntrusted(List<SmtpDeliveryResult> results, String reason) {
        SmtpDeliveryResult r = results.get(0);
        assertFalse(r.accepted() || r.permanent(), r.toString());
        assertEquals("4.7.5", r.enhancedCode(), r.text());
        assertTrue(r.text().contains("relay host certificate not trusted: "), r.text());
        assertTrue(r.text().contains(reason), r.text());
    }

    @Test
    void aCertificateTheJvmDoesNotTrustGetsNoAuthAndTheMailIsDeferred() throws Exception {
        try (SmtpPeer peer = relay(relayKey)) {
            List<SmtpDeliveryResult> results = relay(peer, "127.0.0.1", RelayTls.jvmDefault());
            assertNoLogin(seen(peer));
            assertDeferredAsUntrusted(results, "unable to find valid certification path");
        }
    }

    @Test
    void aCertificateInTheConfiguredTrustStoreLetsTheLoginAndTheMailThrough() throws Exception {
        RelayTls trust = RelayTls.fromTrustStore(relayTrust, TestKeystore.PASSWORD);
        for (String name : List.of("relay.test", "127.0.0.1")) {
            try (SmtpPeer peer = relay(relayKey)) {
                List<SmtpDeliveryResult> results = relay(peer, name, trust);
                assertEquals(250, results.get(0).code(), name + ": " + results);
                SmtpPeer.Delivery mail = peer.await("x@far.test");
                assertEquals("relay-user", mail.login());
                assertTrue(mail.overTls());
                List<String> seen = seen(peer);
                assertEquals("AUTH PLAIN (|relay-user|" + PASSWORD + ")", seen.get(3), seen.toString());
            }
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        RelayTls trust = RelayTls.fromTrustStore(otherTrust, TestKeystore.PASSWORD);
        try (SmtpPeer peer = relay(otherKey)) {
            List<SmtpDeliveryResult> results = relay(peer, "relay.test", trust);
            assertNoLogin(seen(peer));
            assertDeferredAsUntrusted(results, "relay.test");
        }
        try (SmtpPeer peer = relay(otherKey)) {
            List<SmtpDeliveryResult> results = relay(peer, "127.0.0.1", trust);
            assertNoLogin(seen(peer));
            assertDeferredAsUntrusted(results, "127.0.0.1");
        }
    }

    @Test
    void theTrustStoreOfTheRelayDoesNotVouchForAnotherKeyWithTheSameName() throws Exception {
        Path impostor = TestKeystore.createAt(dir.resolve("impostor.p12"), "relay.test", "dns:relay.test,ip:127.0.0.1");
        try (SmtpPeer peer = relay(impostor)) {
            List<SmtpDeliveryResult> results =
                    relay(peer, "relay.test", RelayTls.fromTrustStore(relayTrust, TestKeystore.PASSWORD));
            assertNoLogin(seen(peer));
            assertDeferredAsUntrusted(results, "(certificate CN=relay.test)");
        }
    }

    @Test
    void mxHostsStayOpportunistic() throws Exception {
        try (SmtpPeer peer = SmtpPeer.on(0)
                .hostName("mx.far.test")
                .startTls(TestKeystore.serverContext(otherKey))
                .start()) {
            List<SmtpDeliveryResult> results = CLIENT.deliver(
                    "127.0.0.1", peer.port(), "a@merpati.test", List.of("x@far.test"), content("hi\r\n"));
            assertEquals(250, results.get(0).code(), results.toString());
            assertTrue(peer.await("x@far.test").overTls(), "STARTTLS with any certificate, as Postfix's 'may'");
        }
    }

    /** Through the connection factory as the container makes it, with its config properties. */
    private static SmtpClientConnectionFactory factory(String trustStore) {
        SmtpClientManagedConnectionFactory managed = new SmtpClientManagedConnectionFactory();
        managed.setConnectTimeout(5);
        managed.setHeloTimeout(5);
        managed.setMailTimeout(5);
        managed.setRcptTimeout(5);
        managed.setDataInitTimeout(5);
        managed.setDataDoneTimeout(5);
        managed.setQuitTimeout(5);
        managed.setRelayUsername("relay-user");
        managed.setRelayPassword(PASSWORD);
        if (trustStore != null) {
            managed.setRelayTrustStore(trustStore);
            managed.setRelayTrustStorePassword(new String(TestKeystore.PASSWORD));
        }
        return (SmtpClientConnectionFactory) managed.createConnectionFactory();
    }

    private static List<SmtpDeliveryResult> relayThrough(SmtpClientConnectionFactory factory, SmtpPeer peer) {
        try (SmtpClientConnection connection = factory.getConnection()) {
            return connection.relay(
                    "127.0.0.1", "127.0.0.1", peer.port(), "a@merpati.test", List.of("x@far.test"), content("hi\r\n"));
        }
    }

    @Test
    void theConnectionFactoryChecksAgainstRelayTrustStore() throws Exception {
        try (SmtpPeer peer = relay(relayKey)) {
            List<SmtpDeliveryResult> results = relayThrough(factory(relayTrust.toString()), peer);
            assertEquals(250, results.get(0).code(), results.toString());
            assertEquals("relay-user", peer.await("x@far.test").login());
        }
        try (SmtpPeer peer = relay(relayKey)) {
            List<SmtpDeliveryResult> results = relayThrough(factory(null), peer);
            assertNoLogin(seen(peer));
            assertDeferredAsUntrusted(results, "unable to find valid certification path");
        }
    }

    @Test
    void aTrustStoreThatCannotBeReadDefersWithoutConnecting() throws Exception {
        String missing = dir.resolve("missing.p12").toString();
        try (SmtpPeer peer = relay(relayKey)) {
            SmtpDeliveryResult r = relayThrough(factory(missing), peer).get(0);
            assertFalse(r.accepted() || r.permanent(), r.toString());
            assertEquals("4.3.5", r.enhancedCode(), r.text());
            assertTrue(r.text().contains("cannot load relayTrustStore " + missing), r.text());
        }
        SmtpClientManagedConnectionFactory managed = new SmtpClientManagedConnectionFactory();
        managed.setRelayTrustStore(missing);
        assertThrows(IOException.class, managed::relayTls);
    }
}
