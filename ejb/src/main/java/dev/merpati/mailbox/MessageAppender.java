package dev.merpati.mailbox;

import dev.merpati.mailbox.ordering.OrderingHeaders;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Adds a stored body to a mailbox with the next UID and MODSEQ (delivery now, IMAP APPEND and COPY later). */
@ApplicationScoped
public class MessageAppender {

    @Inject
    MailboxRepository mailboxes;

    @Inject
    BodyStore bodies;

    @Inject
    MailboxChangeSignals signals;

    /** @param mailbox locked with {@link MailboxRepository#lock} in the current transaction */
    public MailboxMessage append(
            Mailbox mailbox, long bodyId, long size, Instant internalDate, ListingHeaders headers) {
        MailboxMessage message = new MailboxMessage(
                mailbox.getId(), mailbox.takeUid(), mailbox.nextModseq(), bodyId, internalDate, size, headers);
        byte[][] head = new byte[1][];
        MimePart parsed = new MimeParser(
                        offset -> {
                            byte[] chunk = bodies.read(bodyId, offset, BodyChunks.CHUNK_SIZE);
                            if (offset == 0) {
                                head[0] = chunk;
                            }
                            return chunk;
                        },
                        size)
                .parse();
        message.setStructure(MessageStructure.ofParsed(parsed));
        message.setHasAttachment(MessageParser.structure(parsed).hasAttachment());
        message.setOrderingHeaders(
                OrderingHeaders.parse(head[0] != null ? head[0] : bodies.read(bodyId, 0, BodyChunks.CHUNK_SIZE)));
        mailboxes.add(message);
        if (signals != null) {
            signals.afterCommit(mailbox.getAccountId(), mailbox.getId());
        }
        return message;
    }
}
