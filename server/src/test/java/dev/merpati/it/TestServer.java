package dev.merpati.it;

/**
 * Where the integration-test domain listens: offsets from the port base Maven passes, the same
 * offsets as in server/scripts/it-domain.sh.
 */
final class TestServer {

    static final String HOST = System.getProperty("merpati.host", "127.0.0.1");
    static final int PORTBASE = Integer.getInteger("merpati.it.portbase", 30000);
    static final int SMTP_PORT = PORTBASE + 25;
    static final int SUBMISSION_PORT = PORTBASE + 87;
    static final int SMTPS_PORT = PORTBASE + 65;
    static final int POP3_PORT = PORTBASE + 10;
    static final int IMAP_PORT = PORTBASE + 43;
    static final int IMAPS_PORT = PORTBASE + 93;
    static final int POP3S_PORT = PORTBASE + 95;
    static final int HTTP_PORT = PORTBASE + 80;

    static final String DOMAIN = "merpati.test";
    static final String ALICE = "alice@" + DOMAIN;
    static final String ALICE_PASSWORD = "alice-secret";
    static final String BOB = "bob@" + DOMAIN;
    static final String BOB_PASSWORD = "bob-secret";

    private TestServer() {}
}
