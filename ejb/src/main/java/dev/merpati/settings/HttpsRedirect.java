package dev.merpati.settings;

import java.util.Optional;

/**
 * Where a plain-HTTP request to the webmail or the admin API must go instead: passwords travel over
 * HTTPS, as the mail protocols refuse them in the clear. Clients in the plain-HTTP networks (the
 * machine itself by default, as the mail ports let loopback clients log in without TLS) may stay.
 */
public final class HttpsRedirect {

    private HttpsRedirect() {}

    /**
     * The HTTPS address for the request, or empty when it may be served as it is.
     *
     * @param host the host the client asked for (without port)
     * @param pathAndQuery the path with its query string, if any
     */
    public static Optional<String> target(
            boolean secure,
            String remoteAddress,
            Networks plaintextClients,
            int httpsPort,
            String host,
            String pathAndQuery) {
        if (secure || httpsPort <= 0 || plaintextClients.contains(remoteAddress)) {
            return Optional.empty();
        }
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return Optional.of("https://" + name + (httpsPort == 443 ? "" : ":" + httpsPort) + pathAndQuery);
    }
}
