package dev.merpati.mailbox.ordering;

import java.time.Instant;
import java.util.List;

/**
 * One message as SORT and THREAD see it, built from stored columns only.
 *
 * @param sent the Date header, else the internal date (RFC 5256 §2.2)
 * @param messageId with angle brackets, or {@code null}
 */
public record OrderedMessage(
        long uid,
        Instant sent,
        Instant arrival,
        long size,
        BaseSubject subject,
        String from,
        String to,
        String cc,
        String messageId,
        List<String> references) {}
