package dev.merpati.mailbox;

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
        message.setStructure(MessageStructure.of(offset -> bodies.read(bodyId, offset, BodyChunks.CHUNK_SIZE), size));
        mailboxes.add(message);
        if (signals != null) {
            signals.afterCommit(mailbox.getAccountId(), mailbox.getId());
        }
        return message;
    }
}
