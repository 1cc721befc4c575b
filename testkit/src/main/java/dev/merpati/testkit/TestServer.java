package dev.merpati.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * Where the integration-test domain listens: offsets from the port base that server/pom.xml passes
 * to the tests as the system property {@code merpati.it.portbase} (Maven's {@code it.portbase}), the
 * same offsets as in server/scripts/it-domain.sh. The demo accounts are in {@link DemoAccounts}.
 */
public final class TestServer {

    public static final String HOST = System.getProperty("merpati.host", "127.0.0.1");
    public static final int PORTBASE = Integer.getInteger("merpati.it.portbase", 30000);
    public static final int SMTP_PORT = PORTBASE + 25;
    public static final int SUBMISSION_PORT = PORTBASE + 87;
    public static final int SMTPS_PORT = PORTBASE + 65;
    public static final int POP3_PORT = PORTBASE + 10;
    public static final int IMAP_PORT = PORTBASE + 43;
    public static final int IMAPS_PORT = PORTBASE + 93;
    public static final int POP3S_PORT = PORTBASE + 95;
    public static final int HTTP_PORT = PORTBASE + 80;
    /** Payara's http-listener-2, with the mail certificate. */
    public static final int HTTPS_PORT = PORTBASE + 81;

    /** remote.test's next hop in the domain's transport map: an {@link SmtpPeer} a test runs. */
    public static final int REMOTE_PEER_PORT = PORTBASE + 30;
    /** remote.invalid's next hop, where nothing listens: mail to it stays deferred. */
    public static final int CLOSED_PEER_PORT = PORTBASE + 31;
    /** stuck.test's next hop, where a test accepts connections and never answers. */
    public static final int STUCK_PEER_PORT = PORTBASE + 32;
    /** The relay host every other remote domain goes to, closed unless a test listens there. */
    public static final int RELAY_HOST_PORT = PORTBASE + 33;
    /** reopened.test's next hop: closed (its mail deferred, the destination suspended) until a test listens. */
    public static final int REOPENED_PEER_PORT = PORTBASE + 34;
    /** The login the domain uses at the relay host (relayUsername and relayPassword). */
    public static final String RELAY_USER = "relay-user";

    public static final String RELAY_PASSWORD = "relay-secret";

    private TestServer() {}

    /** A peer on {@link #REMOTE_PEER_PORT} that plays remote.test's mail server, to be started. */
    public static SmtpPeer.Builder remotePeer() {
        return SmtpPeer.on(REMOTE_PEER_PORT).hostName("peer.remote.test").extensions("8BITMIME");
    }

    /**
     * The relay host's key, which server/scripts/it-domain.sh makes with keytool (self-signed for
     * relay.test and 127.0.0.1, password {@link TestKeystore#PASSWORD}) in the IT folder that
     * server/pom.xml passes as {@code merpati.it.dir}; the domain's {@code relayTrustStore} holds its
     * certificate and nothing else.
     */
    public static final Path RELAY_HOST_KEYSTORE =
            Path.of(System.getProperty("merpati.it.dir", "target/it"), "relay-host", "relay.p12");

    /**
     * A peer on {@link #RELAY_HOST_PORT} that plays the relay host as a submission server, to be
     * started: STARTTLS with the key the domain trusts ({@link #RELAY_HOST_KEYSTORE}), then AUTH
     * PLAIN or LOGIN as {@link #RELAY_USER} required before MAIL.
     */
    public static SmtpPeer.Builder relayHost() throws IOException, GeneralSecurityException {
        return relayHost(TestKeystore.serverContext(RELAY_HOST_KEYSTORE));
    }

    /**
     * The same relay host with a throw-away self-signed key the domain does not trust (a man in
     * the middle): the domain must not log in there.
     */
    public static SmtpPeer.Builder untrustedRelayHost()
            throws IOException, InterruptedException, GeneralSecurityException {
        return relayHost(TestKeystore.throwAwayServerContext("relay.test"));
    }

    private static SmtpPeer.Builder relayHost(SSLContext tls) {
        return SmtpPeer.on(RELAY_HOST_PORT)
                .hostName("relay.test")
                .startTls(tls)
                .auth("PLAIN LOGIN", RELAY_USER, RELAY_PASSWORD);
    }
}
