package dev.merpati.it;

/** Where the integration-test domain listens; Maven passes the ports as system properties. */
final class TestServer {

    static final String HOST = System.getProperty("merpati.host", "127.0.0.1");
    static final int SMTP_PORT = Integer.getInteger("merpati.smtp.port", 2525);
    static final int POP3_PORT = Integer.getInteger("merpati.pop3.port", 1110);
    static final int HTTP_PORT = Integer.getInteger("merpati.http.port", 8080);

    static final String DOMAIN = "merpati.test";
    static final String ALICE = "alice@" + DOMAIN;
    static final String ALICE_PASSWORD = "alice-secret";
    static final String BOB = "bob@" + DOMAIN;
    static final String BOB_PASSWORD = "bob-secret";

    private TestServer() {}
}
