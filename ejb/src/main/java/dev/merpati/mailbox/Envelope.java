package dev.merpati.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * The header fields of a message that front ends show and reply with, decoded.
 *
 * @param date the Date field when it parses, else {@code null}
 * @param subject decoded, "" when absent
 * @param references the message ids of References, in order
 */
public record Envelope(
        Instant date,
        String subject,
        List<Address> from,
        List<Address> sender,
        List<Address> replyTo,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        String messageId,
        String inReplyTo,
        List<String> references) {

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        references = List.copyOf(references);
    }
}
