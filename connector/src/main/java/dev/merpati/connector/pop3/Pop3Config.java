package dev.merpati.connector.pop3;

import java.time.Duration;

/**
 * Settings of the POP3 server.
 *
 * @param maxLineLength command line limit in octets including CRLF (RFC 2449 allows 255 octets of
 *     command; 512 leaves room)
 * @param idleTimeout how long a client may stay silent (RFC 1939: at least 10 minutes)
 * @param chunkSize how many octets of a message one read of the maildrop listener returns
 */
public record Pop3Config(int maxLineLength, Duration idleTimeout, int chunkSize) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 512;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** The store keeps bodies in 256 KiB chunks; reading whole chunks never reads one twice. */
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;

    public static Pop3Config defaults() {
        return new Pop3Config(DEFAULT_MAX_LINE_LENGTH, DEFAULT_IDLE_TIMEOUT, DEFAULT_CHUNK_SIZE);
    }
}
