package dev.merpati.connector.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One SMTP mail transaction as the server accepted it, before any header is added.
 *
 * @param reversePath MAIL FROM without angle brackets; empty for the null sender {@code <>}
 * @param recipients accepted RCPT TO addresses, in order, without angle brackets
 * @param content the message as received (CRLF line endings, dot-unstuffed)
 * @param clientAddress the client's IP address
 * @param clientHostname the name the client gave in HELO/EHLO
 * @param protocol the Received header's "with" value: SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA
 * @param authenticatedUser the SMTP AUTH identity, or {@code null}
 * @param receivedAt when the end of data was received
 * @param dsn the DSN parameters of MAIL FROM (RET, ENVID); {@link DsnRequest#NONE} when none
 * @param recipientDsn the DSN parameters (NOTIFY, ORCPT) of the recipients that had any, by recipient
 * @param tls the connection's TLS as Postfix writes it in Received, e.g. {@code TLSv1.3 with cipher
 *     TLS_AES_256_GCM_SHA384 (256/256 bits)}; {@code null} for a plaintext connection
 */
public record ReceivedMail(
        String reversePath,
        List<String> recipients,
        MessageContent content,
        String clientAddress,
        String clientHostname,
        String protocol,
        String authenticatedUser,
        Instant receivedAt,
        DsnRequest dsn,
        Map<String, RecipientDsn> recipientDsn,
        String tls) {

    public ReceivedMail {
        recipients = List.copyOf(recipients);
        dsn = dsn == null ? DsnRequest.NONE : dsn;
        recipientDsn = recipientDsn == null ? Map.of() : Map.copyOf(recipientDsn);
    }

    /** A mail received without TLS. */
    public ReceivedMail(
            String reversePath,
            List<String> recipients,
            MessageContent content,
            String clientAddress,
            String clientHostname,
            String protocol,
            String authenticatedUser,
            Instant receivedAt,
            DsnRequest dsn,
            Map<String, RecipientDsn> recipientDsn) {
        this(
                reversePath,
                recipients,
                content,
                clientAddress,
                clientHostname,
                protocol,
                authenticatedUser,
                receivedAt,
                dsn,
                recipientDsn,
                null);
    }

    /** A mail without DSN parameters. */
    public ReceivedMail(
            String reversePath,
            List<String> recipients,
            MessageContent content,
            String clientAddress,
            String clientHostname,
            String protocol,
            String authenticatedUser,
            Instant receivedAt) {
        this(
                reversePath,
                recipients,
                content,
                clientAddress,
                clientHostname,
                protocol,
                authenticatedUser,
                receivedAt,
                DsnRequest.NONE,
                Map.of(),
                null);
    }
}
