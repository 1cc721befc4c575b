package dev.merpati.connector.pop3;

import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ServerTls;
import java.time.Duration;

/**
 * Settings of the POP3 server.
 *
 * @param maxLineLength command line limit in octets including CRLF (RFC 2449 allows 255 octets of
 *     command; 512 leaves room)
 * @param idleTimeout how long a client may stay silent (RFC 1939: at least 10 minutes)
 * @param chunkSize how many octets of a message one read of the maildrop listener returns
 * @param tls TLS for STLS and the POP3S port; {@code null} when no keystore is configured
 * @param plaintextAuthClients clients that may log in over a connection without TLS
 * @param failedLoginDelay how long the answer to a failed login is held back
 * @param maxFailedLogins failed logins after which the connection is closed
 */
public record Pop3Config(
        int maxLineLength,
        Duration idleTimeout,
        int chunkSize,
        ServerTls tls,
        ClientNetworks plaintextAuthClients,
        Duration failedLoginDelay,
        int maxFailedLogins) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 512;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** The store keeps bodies in 256 KiB chunks; reading whole chunks never reads one twice. */
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;
    /** Like Dovecot's auth_failure_delay (2 s): slows guessing without holding a thread. */
    public static final Duration DEFAULT_FAILED_LOGIN_DELAY = Duration.ofSeconds(2);

    public static final int DEFAULT_MAX_FAILED_LOGINS = 3;
    public static final String DEFAULT_PLAINTEXT_AUTH_NETWORKS = "127.0.0.0/8, ::1/128";

    public static Pop3Config defaults() {
        return new Pop3Config(
                DEFAULT_MAX_LINE_LENGTH,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_CHUNK_SIZE,
                null,
                ClientNetworks.parse(DEFAULT_PLAINTEXT_AUTH_NETWORKS),
                DEFAULT_FAILED_LOGIN_DELAY,
                DEFAULT_MAX_FAILED_LOGINS);
    }

    public Pop3Config withTls(ServerTls tls) {
        return new Pop3Config(
                maxLineLength, idleTimeout, chunkSize, tls, plaintextAuthClients, failedLoginDelay, maxFailedLogins);
    }

    public Pop3Config withPlaintextAuthClients(ClientNetworks clients) {
        return new Pop3Config(maxLineLength, idleTimeout, chunkSize, tls, clients, failedLoginDelay, maxFailedLogins);
    }

    public Pop3Config withFailedLogins(Duration delay, int max) {
        return new Pop3Config(maxLineLength, idleTimeout, chunkSize, tls, plaintextAuthClients, delay, max);
    }

    public Pop3Config withIdleTimeout(Duration timeout) {
        return new Pop3Config(
                maxLineLength, timeout, chunkSize, tls, plaintextAuthClients, failedLoginDelay, maxFailedLogins);
    }
}
