package dev.merpati.pipeline;

import dev.merpati.bounce.Bounces;
import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import dev.merpati.rewrite.Expansion.Destination;
import dev.merpati.rewrite.Resolution;
import dev.merpati.rewrite.TrivialRewrite;
import dev.merpati.settings.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Postfix's queue manager: takes an INCOMING entry, expands each recipient through trivial-rewrite
 * (aliases, forwards) and hands each destination to its delivery agent; defers what cannot be
 * delivered now and retries it from the deferred queue until the maximal queue lifetime, then
 * bounces it. Failures are recorded on the recipient, never thrown.
 */
@ApplicationScoped
public class QueueManager {

    private static final Logger LOG = Logger.getLogger(QueueManager.class.getName());

    /** When mail deferred by a fault of this server's own is tried again (at most the retry interval). */
    public static final Duration LOCAL_FAULT_RETRY = Duration.ofSeconds(30);

    @Inject
    QueueRepository queue;

    @Inject
    TrivialRewrite rewrite;

    @Inject
    PipelineMessages pipeline;

    @Inject
    Bounces bounces;

    @Inject
    MailSettings settings;

    public void process(long entryId) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        if (locked.isEmpty()) {
            LOG.warning(() -> "qmgr: no queue entry " + entryId);
            return;
        }
        QueueEntry entry = locked.get();
        if (entry.getState() != QueueState.INCOMING) {
            return; // a redelivered message: already dispatched
        }
        for (QueueRecipient recipient : queue.recipients(entryId)) {
            if (recipient.getState() == RecipientState.PENDING
                    && recipient.getParentId() == null
                    && recipient.getAccountId() == null) {
                expand(entryId, recipient);
            }
        }
        entry.setState(QueueState.ACTIVE);
        dispatch(entry);
    }

    /**
     * A delivery attempt from the deferred queue: deferred recipients are tried again, or bounced
     * once the entry is older than the maximal queue lifetime. A message that comes before the
     * entry's next attempt is due (superseded by a later schedule) does nothing.
     */
    public void retry(long entryId) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        if (locked.isEmpty()) {
            return;
        }
        QueueEntry entry = locked.get();
        Instant now = Instant.now();
        if (entry.getState() != QueueState.ACTIVE
                || entry.getNextAttempt() == null
                || entry.getNextAttempt().isAfter(now.plusMillis(200))) {
            return;
        }
        entry.clearSchedule();
        boolean expired = now.isAfter(entry.getReceivedAt().plus(settings.maxQueueLifetime()));
        for (QueueRecipient r : queue.recipients(entryId)) {
            if (r.getState() == RecipientState.DEFERRED) {
                if (expired) {
                    r.bounced("4.4.7 delivery time expired; last error: " + r.getLastError());
                } else {
                    r.retry();
                }
            }
        }
        dispatch(entry);
    }

    /** Replaces the recipient by its destinations, or resolves it to its mailbox. */
    private void expand(long entryId, QueueRecipient recipient) {
        List<Destination> destinations = rewrite.expand(recipient.getAddress());
        if (destinations.size() == 1) {
            Destination only = destinations.get(0);
            if (only.resolution() instanceof Resolution.Local local) {
                recipient.resolvedTo(local.accountId());
                return;
            }
            if (only.resolution() instanceof Resolution.Error error) {
                recipient.bounced("5.1.1 " + error.reason());
                return;
            }
            if (only.address().equalsIgnoreCase(recipient.getAddress())) {
                return; // remote as it is
            }
        }
        // A destination that is the recipient itself (a forward that keeps a copy) stays on it.
        String self = rewrite.canonical(recipient.getAddress());
        boolean kept = false;
        for (Destination d : destinations) {
            if (d.resolution() instanceof Resolution.Local local && d.address().equalsIgnoreCase(self)) {
                recipient.resolvedTo(local.accountId());
                kept = true;
            }
        }
        if (!kept) {
            recipient.expanded();
        }
        for (Destination d : destinations) {
            Long account = d.resolution() instanceof Resolution.Local l ? l.accountId() : null;
            queue.addRecipient(entryId, d.address(), recipient.getId(), account).ifPresent(child -> {
                if (d.resolution() instanceof Resolution.Error error) {
                    child.bounced("5.1.1 " + error.reason());
                }
            });
        }
    }

    /** Hands PENDING recipients to their agents, reports bounces, schedules the next attempt. */
    void dispatch(QueueEntry entry) {
        for (QueueRecipient r : queue.recipients(entry.getId())) {
            if (r.getState() != RecipientState.PENDING) {
                continue;
            }
            if (r.getAccountId() != null) {
                pipeline.toLocalDelivery(entry.getId(), r.getId());
            } else {
                pipeline.toSmtpDelivery(entry.getId(), r.getId());
            }
        }
        bounces.notifySender(entry);
        scheduleRetry(entry);
        queue.completeIfFinished(entry);
    }

    /** If recipients are deferred and no attempt is scheduled yet, schedules one. */
    public void scheduleRetry(QueueEntry entry) {
        schedule(entry, settings.retryInterval());
    }

    /**
     * Like {@link #scheduleRetry}, for mail deferred by a fault of this server's own (a resource
     * missing, the connector unavailable, an error of ours): tried again after {@link
     * #LOCAL_FAULT_RETRY} (or the retry interval if shorter), an attempt scheduled later is brought
     * forward.
     */
    public void scheduleSoonRetry(QueueEntry entry) {
        Duration soon = settings.retryInterval().compareTo(LOCAL_FAULT_RETRY) < 0
                ? settings.retryInterval()
                : LOCAL_FAULT_RETRY;
        schedule(entry, soon);
    }

    private void schedule(QueueEntry entry, Duration delay) {
        Instant next = Instant.now().plus(delay);
        if (entry.getNextAttempt() != null && !entry.getNextAttempt().isAfter(next)) {
            return;
        }
        List<QueueRecipient> deferred = queue.recipients(entry.getId()).stream()
                .filter(r -> r.getState() == RecipientState.DEFERRED)
                .toList();
        if (deferred.isEmpty()) {
            return;
        }
        if (entry.getNextAttempt() == null) {
            entry.deferredUntil(next, deferred.get(0).getLastError());
        } else {
            entry.dueNow(next); // brought forward: the same attempt, sooner
        }
        pipeline.toDeferred(entry.getId(), delay);
        LOG.fine(() -> entry.getQueueId() + ": deferred, next attempt in " + delay);
    }
}
