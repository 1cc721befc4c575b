package dev.merpati.connector.smtp;

import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.ServerTls;
import java.time.Duration;

/**
 * What one SMTP listening port is for, and its security rules.
 *
 * <ul>
 *   <li>{@link Role#MX}: mail from anyone for our domains (port 25); STARTTLS offered, no AUTH.
 *   <li>{@link Role#SUBMISSION}: our users' mail (port 587, RFC 6409); AUTH required before MAIL.
 *   <li>{@link Role#SUBMISSIONS}: submission over implicit TLS (port 465, RFC 8314).
 * </ul>
 *
 * @param role the port's purpose
 * @param tls the server's TLS, or {@code null} when none is configured (no STARTTLS, no port 465)
 * @param plaintextAuthClients clients that may AUTH without TLS
 * @param rejectSenderLoginMismatch whether an authenticated user may only use their own address as
 *     MAIL FROM (Postfix's reject_sender_login_mismatch)
 * @param authFailureDelay how long a failed AUTH waits before its 535 reply
 * @param maxAuthFailures failed AUTH attempts in one session before 421 and disconnect
 */
public record SmtpListener(
        Role role,
        ServerTls tls,
        ClientNetworks plaintextAuthClients,
        boolean rejectSenderLoginMismatch,
        Duration authFailureDelay,
        int maxAuthFailures) {

    public enum Role {
        MX,
        SUBMISSION,
        SUBMISSIONS
    }

    public static final Duration DEFAULT_AUTH_FAILURE_DELAY = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_AUTH_FAILURES = 3;

    /** The MX port without TLS settings: what the server was before it had listeners. */
    public static SmtpListener mx(ServerTls tls) {
        return new SmtpListener(
                Role.MX, tls, ClientNetworks.parse(""), true, DEFAULT_AUTH_FAILURE_DELAY, DEFAULT_MAX_AUTH_FAILURES);
    }

    public static SmtpListener submission(
            Role role, ServerTls tls, ClientNetworks plaintextAuthClients, boolean rejectSenderLoginMismatch) {
        return new SmtpListener(
                role,
                tls,
                plaintextAuthClients,
                rejectSenderLoginMismatch,
                DEFAULT_AUTH_FAILURE_DELAY,
                DEFAULT_MAX_AUTH_FAILURES);
    }

    public SmtpListener withAuthFailures(Duration delay, int max) {
        return new SmtpListener(role, tls, plaintextAuthClients, rejectSenderLoginMismatch, delay, max);
    }

    /** Whether users log in here (and must, before MAIL). */
    public boolean submission() {
        return role != Role.MX;
    }

    public boolean implicitTls() {
        return role == Role.SUBMISSIONS;
    }

    public boolean startTlsOffered() {
        return tls != null && !implicitTls();
    }
}
