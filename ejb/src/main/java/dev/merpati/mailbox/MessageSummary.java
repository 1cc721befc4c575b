package dev.merpati.mailbox;

import java.time.Instant;

/**
 * A line of a message list.
 *
 * @param date the Date header when it parses, else the internal date
 * @param from the decoded From header, "" when absent
 * @param subject the decoded Subject header, "" when absent
 */
public record MessageSummary(
        long messageId, long uid, String from, String subject, Instant date, long size, boolean seen) {}
