package dev.merpati.connector.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The login for the relay host (Postfix's smtp_sasl_password_maps entry for its relayhost), sent
 * with AUTH PLAIN or, if the server offers only that, AUTH LOGIN; never outside TLS.
 */
record RelayCredentials(String username, String password) {

    static final String PLAIN = "PLAIN";
    static final String LOGIN = "LOGIN";

    /** PLAIN if offered, else LOGIN if offered, else {@code null}; {@code offered} is the EHLO AUTH line's list. */
    static String mechanism(String offered) {
        String upper = " " + offered.toUpperCase(Locale.ROOT) + " ";
        if (upper.contains(" " + PLAIN + " ")) {
            return PLAIN;
        }
        return upper.contains(" " + LOGIN + " ") ? LOGIN : null;
    }

    /** RFC 4616: authorization id (empty), authentication id and password, NUL-separated. */
    String plainResponse() {
        return base64("\0" + username + "\0" + password);
    }

    String loginUsername() {
        return base64(username);
    }

    String loginPassword() {
        return base64(password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RelayCredentials[" + username + "]"; // never the password in a log
    }
}
