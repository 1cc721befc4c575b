package dev.merpati.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This server's name in Received headers and Message-IDs: system property {@code merpati.hostname}. */
public final class MailHost {

    static final String PROPERTY = "merpati.hostname";

    private MailHost() {}

    public static String name() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
