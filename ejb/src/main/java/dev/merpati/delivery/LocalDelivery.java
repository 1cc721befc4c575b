package dev.merpati.delivery;

import dev.merpati.bounce.Bounces;
import dev.merpati.mailbox.ListingHeaders;
import dev.merpati.mailbox.Mailbox;
import dev.merpati.mailbox.MailboxMessage;
import dev.merpati.mailbox.MailboxRepository;
import dev.merpati.mailbox.MessageAppender;
import dev.merpati.mailbox.Quotas;
import dev.merpati.pipeline.QueueManager;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import dev.merpati.rewrite.Resolution;
import dev.merpati.rewrite.TrivialRewrite;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Postfix's local(8): appends a queue entry's body to a recipient's INBOX. Idempotent: the entry
 * row is locked first (so deliveries of one entry run one at a time), a recipient that is no
 * longer PENDING is skipped, and the delivery record is unique per recipient.
 */
@ApplicationScoped
public class LocalDelivery {

    private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    DeliveryRecordRepository deliveries;

    @Inject
    TrivialRewrite rewrite;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MessageAppender appender;

    @Inject
    BodyStore bodies;

    @Inject
    Quotas quotas;

    @Inject
    Bounces bounces;

    @Inject
    QueueManager queueManager;

    public void deliver(long entryId, long recipientId) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        Optional<QueueRecipient> found = queue.recipient(recipientId);
        if (locked.isEmpty() || found.isEmpty() || found.get().getEntryId() != entryId) {
            LOG.warning(() -> "local: no queue entry " + entryId + " with recipient " + recipientId);
            return;
        }
        QueueEntry entry = locked.get();
        QueueRecipient recipient = found.get();
        if (recipient.getState() != RecipientState.PENDING || deliveries.delivered(recipientId)) {
            return; // a redelivered message
        }
        if (entry.getState() == QueueState.HELD) {
            return; // held while this message was on its way: the release sends it again
        }
        Resolution resolution = recipient.getAccountId() != null
                ? new Resolution.Local(recipient.getAccountId(), recipient.getAddress())
                : rewrite.resolve(recipient.getAddress());
        if (resolution instanceof Resolution.Local local) {
            Mailbox inbox = mailboxes.lockInbox(local.accountId());
            long size = bodies.size(entry.getBodyId());
            if (quotas.exceededBy(local.accountId(), size)) {
                // Postfix/Dovecot's default: a full mailbox is temporary; the queue lifetime bounces it
                recipient.deferred("4.2.2 mailbox full: " + local.address() + " is over its quota");
                LOG.info(() -> entry.getQueueId() + ": " + local.address() + " is over quota, deferred");
                queueManager.scheduleRetry(entry);
                queue.completeIfFinished(entry);
                return;
            }
            ListingHeaders headers = ListingHeaders.parse(bodies.read(entry.getBodyId(), 0, BodyChunks.CHUNK_SIZE));
            MailboxMessage message = appender.append(inbox, entry.getBodyId(), size, entry.getReceivedAt(), headers);
            deliveries.add(new DeliveryRecord(recipientId, local.accountId(), message.getId(), Instant.now()));
            recipient.delivered();
            LOG.fine(() -> entry.getQueueId() + ": delivered to " + local.address() + " uid " + message.getUid());
        } else if (resolution instanceof Resolution.Error error) {
            recipient.bounced("5.1.1 " + error.reason());
            bounces.notifySender(entry);
        } else {
            recipient.deferred("4.3.0 no longer a local address");
            queueManager.scheduleRetry(entry);
        }
        queue.completeIfFinished(entry);
    }
}
