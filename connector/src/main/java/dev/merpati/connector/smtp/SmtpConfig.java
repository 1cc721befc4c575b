package dev.merpati.connector.smtp;

import dev.merpati.connector.net.ClientNetworks;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the SMTP server.
 *
 * @param hostName the name in the greeting, EHLO reply and 421 replies
 * @param maxMessageSize the SIZE limit in octets (the message as received, after dot-unstuffing)
 * @param maxRecipients accepted RCPT TO per mail transaction
 * @param maxLineLength command line limit in octets including CRLF; RFC 5321 requires at least 512,
 *     we allow 2048 like Postfix's line_length_limit so long parameter lists are not refused
 * @param maxErrors error replies in a session before it is closed (Postfix smtpd_hard_error_limit)
 * @param idleTimeout how long a client may stay silent
 * @param memorySpoolLimit message size up to which the content is kept in memory rather than a file
 * @param spoolDirectory where larger messages are spooled while the transaction lasts
 * @param relayNetworks clients that may relay to other domains without authenticating
 * @param vrfy whether VRFY tells if a local user exists (Postfix's {@code disable_vrfy_command = no});
 *     when false it always answers 252
 */
public record SmtpConfig(
        String hostName,
        long maxMessageSize,
        int maxRecipients,
        int maxLineLength,
        int maxErrors,
        Duration idleTimeout,
        int memorySpoolLimit,
        Path spoolDirectory,
        ClientNetworks relayNetworks,
        boolean vrfy) {

    /** Settings with VRFY answering 252. */
    public SmtpConfig(
            String hostName,
            long maxMessageSize,
            int maxRecipients,
            int maxLineLength,
            int maxErrors,
            Duration idleTimeout,
            int memorySpoolLimit,
            Path spoolDirectory,
            ClientNetworks relayNetworks) {
        this(
                hostName,
                maxMessageSize,
                maxRecipients,
                maxLineLength,
                maxErrors,
                idleTimeout,
                memorySpoolLimit,
                spoolDirectory,
                relayNetworks,
                false);
    }

    public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    public static final int DEFAULT_MAX_LINE_LENGTH = 2048;
    public static final int DEFAULT_MAX_ERRORS = 20;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);
    public static final int DEFAULT_MEMORY_SPOOL_LIMIT = 256 * 1024;
    public static final String DEFAULT_RELAY_NETWORKS = "127.0.0.0/8, ::1/128";

    public static SmtpConfig defaults(String hostName) {
        return new SmtpConfig(
                hostName,
                DEFAULT_MAX_MESSAGE_SIZE,
                DEFAULT_MAX_RECIPIENTS,
                DEFAULT_MAX_LINE_LENGTH,
                DEFAULT_MAX_ERRORS,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MEMORY_SPOOL_LIMIT,
                Path.of(System.getProperty("java.io.tmpdir")),
                ClientNetworks.parse(DEFAULT_RELAY_NETWORKS));
    }

    public SmtpConfig withMaxMessageSize(long size) {
        return new SmtpConfig(
                hostName,
                size,
                maxRecipients,
                maxLineLength,
                maxErrors,
                idleTimeout,
                memorySpoolLimit,
                spoolDirectory,
                relayNetworks,
                vrfy);
    }

    public SmtpConfig withMaxRecipients(int count) {
        return new SmtpConfig(
                hostName,
                maxMessageSize,
                count,
                maxLineLength,
                maxErrors,
                idleTimeout,
                memorySpoolLimit,
                spoolDirectory,
                relayNetworks,
                vrfy);
    }

    public SmtpConfig withIdleTimeout(Duration timeout) {
        return new SmtpConfig(
                hostName,
                maxMessageSize,
                maxRecipients,
                maxLineLength,
                maxErrors,
                timeout,
                memorySpoolLimit,
                spoolDirectory,
                relayNetworks,
                vrfy);
    }

    public SmtpConfig withRelayNetworks(ClientNetworks networks) {
        return new SmtpConfig(
                hostName,
                maxMessageSize,
                maxRecipients,
                maxLineLength,
                maxErrors,
                idleTimeout,
                memorySpoolLimit,
                spoolDirectory,
                networks,
                vrfy);
    }

    public SmtpConfig withVrfy(boolean answer) {
        return new SmtpConfig(
                hostName,
                maxMessageSize,
                maxRecipients,
                maxLineLength,
                maxErrors,
                idleTimeout,
                memorySpoolLimit,
                spoolDirectory,
                relayNetworks,
                answer);
    }
}
