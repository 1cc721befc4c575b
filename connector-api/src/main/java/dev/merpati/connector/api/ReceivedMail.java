package dev.merpati.connector.api;

import java.time.Instant;
import java.util.List;

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
 */
public record ReceivedMail(
        String reversePath,
        List<String> recipients,
        MessageContent content,
        String clientAddress,
        String clientHostname,
        String protocol,
        String authenticatedUser,
        Instant receivedAt) {

    public ReceivedMail {
        recipients = List.copyOf(recipients);
    }
}
