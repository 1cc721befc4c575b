package dev.merpati.connector.imap;

import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ServerTls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the IMAP server.
 *
 * @param maxLineLength longest line piece of a command in octets
 * @param maxCommandSize largest command in octets, lines and literals together, except APPEND's
 *     message
 * @param maxMessageSize largest message APPEND accepts (APPENDLIMIT)
 * @param idleTimeout how long a client may stay silent (RFC 3501: at least 30 minutes)
 * @param chunkSize octets per read of the mailbox listener when streaming a body
 * @param spoolDirectory where APPEND messages above the memory threshold are spooled
 * @param tls the server's TLS (STARTTLS, IMAPS), or {@code null} when no keystore is configured
 * @param plaintextAuthClients clients that may log in over a connection without TLS
 */
public record ImapConfig(
        int maxLineLength,
        int maxCommandSize,
        long maxMessageSize,
        Duration idleTimeout,
        int chunkSize,
        Path spoolDirectory,
        ServerTls tls,
        ClientNetworks plaintextAuthClients) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    public static final int DEFAULT_MAX_COMMAND_SIZE = 256 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;
    /** APPEND messages up to this size stay in memory while they arrive. */
    static final int SPOOL_MEMORY_LIMIT = 256 * 1024;

    /** Like Dovecot, a login from the machine itself is not sent over the network. */
    public static final String DEFAULT_PLAINTEXT_AUTH_NETWORKS = "127.0.0.0/8, ::1/128";

    public ImapConfig withTls(ServerTls tls, ClientNetworks plaintextAuthClients) {
        return new ImapConfig(
                maxLineLength,
                maxCommandSize,
                maxMessageSize,
                idleTimeout,
                chunkSize,
                spoolDirectory,
                tls,
                plaintextAuthClients);
    }

    public static ImapConfig defaults(long maxMessageSize) {
        return new ImapConfig(
                DEFAULT_MAX_LINE_LENGTH,
                DEFAULT_MAX_COMMAND_SIZE,
                maxMessageSize,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_CHUNK_SIZE,
                Path.of(System.getProperty("java.io.tmpdir")),
                null,
                ClientNetworks.parse(DEFAULT_PLAINTEXT_AUTH_NETWORKS));
    }
}
