package dev.merpati.admin;

import dev.merpati.queue.QueueListing;
import java.util.List;

/**
 * The queue as text, in the spirit of mailq: per entry a line {@code QUEUEID STATE SIZE ARRIVAL
 * SENDER attempts=N next=TIME}, then one indented line per recipient with its state, the address
 * it was expanded from and its last error.
 */
final class MailqFormat {

    private MailqFormat() {}

    static String format(List<QueueListing> entries) {
        StringBuilder out = new StringBuilder();
        for (QueueListing e : entries) {
            out.append(e.queueId())
                    .append(' ')
                    .append(e.state())
                    .append(' ')
                    .append(e.size())
                    .append(' ')
                    .append(e.arrival())
                    .append(' ')
                    .append(e.sender().isEmpty() ? "<>" : e.sender())
                    .append(" attempts=")
                    .append(e.attempts())
                    .append(" next=")
                    .append(e.nextAttempt() == null ? "-" : e.nextAttempt().toString());
            if (e.lastError() != null) {
                out.append(" (").append(oneLine(e.lastError())).append(')');
            }
            out.append('\n');
            for (QueueListing.Recipient r : e.recipients()) {
                out.append("  ").append(r.address()).append(' ').append(r.state());
                if (r.originalRecipient() != null) {
                    out.append(" from=").append(r.originalRecipient());
                }
                if (r.lastError() != null) {
                    out.append(" (").append(oneLine(r.lastError())).append(')');
                }
                out.append('\n');
            }
        }
        out.append("-- ").append(entries.size()).append(entries.size() == 1 ? " entry\n" : " entries\n");
        return out.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
