package dev.merpati.testkit;

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

    /** remote.test's next hop in the domain's transport map: an SMTP peer a test runs. */
    public static final int REMOTE_PEER_PORT = PORTBASE + 30;
    /** remote.invalid's next hop, where nothing listens: mail to it stays deferred. */
    public static final int CLOSED_PEER_PORT = PORTBASE + 31;
    /** stuck.test's next hop, where a test accepts connections and never answers. */
    public static final int STUCK_PEER_PORT = PORTBASE + 32;
    /** The relay host every other remote domain goes to, closed unless a test listens there. */
    public static final int RELAY_HOST_PORT = PORTBASE + 33;

    private TestServer() {}
}
