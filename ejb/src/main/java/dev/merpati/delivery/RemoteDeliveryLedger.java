package dev.merpati.delivery;

import dev.merpati.bounce.Bounces;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.pipeline.DeliveryCount;
import dev.merpati.pipeline.QueueManager;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The two short transactions around an SMTP session (which itself runs in none, so a slow peer
 * holds no row lock and no transaction): {@link #claim} picks the recipients a session will
 * deliver to, {@link #record} writes what the peer said. A recipient is recorded only while still
 * PENDING, so one recorded delivered is never sent again.
 */
@Stateless
public class RemoteDeliveryLedger {

    private static final Logger LOG = Logger.getLogger(RemoteDeliveryLedger.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    Bounces bounces;

    @Inject
    QueueManager queueManager;

    @Inject
    RecipientsInFlight inFlight;

    /**
     * The recipient, with every other PENDING remote recipient of its entry in the same domain that
     * no session is delivering to, claimed for {@code owner}; empty when there is nothing to send
     * (delivered already, in flight, the entry held or gone).
     */
    public Optional<RemoteBatch> claim(long entryId, long recipientId, Object owner) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        Optional<QueueRecipient> found = queue.recipient(recipientId);
        if (locked.isEmpty() || found.isEmpty() || found.get().getEntryId() != entryId) {
            LOG.warning(() -> "smtp: no queue entry " + entryId + " with recipient " + recipientId);
            return Optional.empty();
        }
        QueueEntry entry = locked.get();
        QueueRecipient recipient = found.get();
        if (entry.getState() != QueueState.ACTIVE || !sendable(recipient)) {
            return Optional.empty(); // held, finished, a repeated message, or a session has it
        }
        String domain = RemoteBatch.domainOf(recipient.getAddress());
        List<RemoteBatch.Target> targets = queue.recipients(entryId).stream()
                .filter(r -> sendable(r) && RemoteBatch.domainOf(r.getAddress()).equals(domain))
                .map(r -> new RemoteBatch.Target(r.getId(), r.getAddress()))
                .toList();
        RemoteBatch batch = new RemoteBatch(
                entryId, entry.getQueueId(), entry.getBodyId(), entry.getReversePath(), domain, targets);
        return inFlight.claim(batch.recipientIds(), owner) ? Optional.of(batch) : Optional.empty();
    }

    private boolean sendable(QueueRecipient r) {
        return r.getState() == RecipientState.PENDING && r.getAccountId() == null && !inFlight.contains(r.getId());
    }

    /**
     * Records the attempt's result for each recipient of the batch (in the batch's order). Mail
     * deferred by a fault of this server's own is retried soon ({@link
     * QueueManager#scheduleSoonRetry}), else after the retry interval.
     */
    public void record(RemoteBatch batch, RemoteAttempt attempt) {
        List<SmtpDeliveryResult> results = attempt.results();
        Optional<QueueEntry> locked = queue.lock(batch.entryId());
        if (locked.isEmpty()) {
            return; // deleted by the operator meanwhile
        }
        QueueEntry entry = locked.get();
        boolean bounced = false;
        boolean deferred = false;
        for (int i = 0; i < batch.targets().size(); i++) {
            RemoteBatch.Target target = batch.targets().get(i);
            Optional<QueueRecipient> found = queue.recipient(target.recipientId());
            if (found.isEmpty() || found.get().getState() != RecipientState.PENDING) {
                continue;
            }
            QueueRecipient recipient = found.get();
            SmtpDeliveryResult result = results.get(i);
            if (result.accepted()) {
                recipient.delivered();
                LOG.fine(() -> entry.getQueueId() + ": sent to " + target.address() + ": " + result.text());
            } else if (result.permanent()) {
                recipient.bounced(result.text());
                bounced = true;
            } else {
                recipient.deferred(result.text());
                deferred = true;
            }
        }
        if (bounced) {
            bounces.notifySender(entry);
        }
        if (deferred && attempt.localFault()) {
            queueManager.scheduleSoonRetry(entry);
        } else if (deferred) {
            queueManager.scheduleRetry(entry);
        }
        queue.completeIfFinished(entry);
    }

    /** Records a recipient whose JMS message kept failing as DEFERRED, for a later retry. */
    public void giveUp(long entryId, long recipientId) {
        queue.lock(entryId).ifPresent(entry -> queue.recipient(recipientId)
                .filter(r -> r.getEntryId() == entryId && r.getState() == RecipientState.PENDING)
                .ifPresent(r -> {
                    r.deferred("4.3.0 remote delivery failed " + DeliveryCount.GIVE_UP_AFTER + " times");
                    LOG.severe(() -> entry.getQueueId() + ": deferred " + r.getAddress() + " after repeated failures");
                    queueManager.scheduleRetry(entry);
                }));
    }
}
