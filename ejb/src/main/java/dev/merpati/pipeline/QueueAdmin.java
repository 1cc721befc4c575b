package dev.merpati.pipeline;

import dev.merpati.mailbox.MailRoles;
import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueFlush;
import dev.merpati.queue.QueueListing;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import dev.merpati.store.BodyStore;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Queue administration, as Postfix's mailq, postqueue -f and postsuper -h/-H/-d/-r: the service the
 * admin REST API and the admin UI use. Operations name entries by queue id and return false when
 * there is no such entry (or it is in no state for the operation).
 */
@Stateless
@DeclareRoles(MailRoles.MAIL_ADMIN)
@RolesAllowed(MailRoles.MAIL_ADMIN)
public class QueueAdmin {

    private static final Logger LOG = Logger.getLogger(QueueAdmin.class.getName());
    static final String HELD_BY_OPERATOR = "held by the operator";

    @Inject
    QueueRepository queue;

    @Inject
    BodyStore bodies;

    @Inject
    PipelineMessages pipeline;

    @Inject
    Event<QueueFlush> flushes;

    /** Every entry not finished yet, oldest first (mailq). */
    public List<QueueListing> list() {
        return queue.unfinished().stream().map(this::listing).toList();
    }

    public Optional<QueueListing> show(String queueId) {
        return queue.findByQueueId(queueId).map(this::listing);
    }

    /** postsuper -h: sets the entry aside; nothing is delivered from it until it is released. */
    public boolean hold(String queueId) {
        return locked(queueId)
                .filter(e -> e.getState() != QueueState.DONE && e.getState() != QueueState.HELD)
                .map(e -> {
                    e.hold(HELD_BY_OPERATOR);
                    LOG.info(() -> e.getQueueId() + ": " + HELD_BY_OPERATOR);
                    return true;
                })
                .orElse(false);
    }

    /** postsuper -H: back to the stage it was held in, and on its way again. */
    public boolean release(String queueId) {
        return locked(queueId)
                .filter(e -> e.getState() == QueueState.HELD)
                .map(e -> {
                    redrive(e, e.release());
                    return true;
                })
                .orElse(false);
    }

    /** postsuper -d: removes the entry and its recipients; what was delivered stays delivered. */
    public boolean delete(String queueId) {
        return locked(queueId)
                .map(e -> {
                    queue.delete(e);
                    LOG.info(() -> e.getQueueId() + ": removed by the operator");
                    return true;
                })
                .orElse(false);
    }

    /**
     * postqueue -i: the entry's deferred recipients are tried now, even at a destination suspended
     * after it could not be reached (its suspension ends).
     */
    public boolean flush(String queueId) {
        return locked(queueId)
                .filter(e -> e.getState() == QueueState.ACTIVE)
                .map(e -> {
                    flushes.fire(QueueFlush.ofAddresses(queue.recipients(e.getId()).stream()
                            .filter(r -> r.getAccountId() == null && r.getState() == RecipientState.DEFERRED)
                            .map(QueueRecipient::getAddress)
                            .toList()));
                    tryNow(e);
                    return true;
                })
                .orElse(false);
    }

    /** postqueue -f: every deferred entry is tried now, and no destination stays suspended. @return how many */
    public int flushAll() {
        flushes.fire(QueueFlush.everything());
        int n = 0;
        for (QueueEntry e : queue.unfinished()) {
            if (e.getState() == QueueState.ACTIVE && e.getNextAttempt() != null) {
                Optional<QueueEntry> locked = queue.lock(e.getId()).filter(l -> l.getState() == QueueState.ACTIVE);
                if (locked.isPresent()) {
                    tryNow(locked.get());
                    n++;
                }
            }
        }
        return n;
    }

    private void tryNow(QueueEntry e) {
        e.dueNow(Instant.now());
        pipeline.toDeferred(e.getId(), Duration.ZERO);
    }

    /**
     * postsuper -r: the entry's unfinished recipients go through the queue manager again (after an
     * alias, forward or domain change), as if the mail had just arrived.
     */
    public boolean requeue(String queueId) {
        return locked(queueId)
                .filter(e -> e.getState() == QueueState.ACTIVE || e.getState() == QueueState.HELD)
                .map(e -> {
                    for (QueueRecipient r : queue.recipients(e.getId())) {
                        if (r.getState() == RecipientState.DEFERRED) {
                            r.retry();
                        }
                    }
                    e.clearSchedule();
                    if (e.getState() == QueueState.HELD) {
                        e.release();
                    }
                    e.setState(QueueState.INCOMING);
                    pipeline.toQueueManager(e.getId());
                    return true;
                })
                .orElse(false);
    }

    private void redrive(QueueEntry e, QueueState state) {
        switch (state) {
            case MAILDROP -> pipeline.toCleanup(e.getId());
            case INCOMING -> pipeline.toQueueManager(e.getId());
            case ACTIVE -> {
                e.dueNow(Instant.now());
                pipeline.toDeferred(e.getId(), Duration.ZERO);
                for (QueueRecipient r : queue.recipients(e.getId())) {
                    if (r.getState() == RecipientState.PENDING && r.getAccountId() != null) {
                        pipeline.toLocalDelivery(e.getId(), r.getId());
                    } else if (r.getState() == RecipientState.PENDING) {
                        pipeline.toSmtpDelivery(e.getId(), r.getId()); // skipped while held
                    }
                }
            }
            default -> {}
        }
    }

    private Optional<QueueEntry> locked(String queueId) {
        return queue.findByQueueId(queueId).flatMap(e -> queue.lock(e.getId()));
    }

    private QueueListing listing(QueueEntry e) {
        List<QueueRecipient> recipients = queue.recipients(e.getId());
        Map<Long, String> byId =
                recipients.stream().collect(Collectors.toMap(QueueRecipient::getId, QueueRecipient::getAddress));
        return new QueueListing(
                e.getQueueId(),
                bodies.size(e.getBodyId()),
                e.getReceivedAt(),
                e.getReversePath(),
                e.getState().name(),
                e.getAttempts(),
                e.getLastError(),
                e.getNextAttempt(),
                recipients.stream()
                        .map(r -> new QueueListing.Recipient(
                                r.getAddress(),
                                r.getState().name(),
                                r.getLastError(),
                                r.getParentId() == null ? null : byId.get(r.getParentId())))
                        .toList());
    }
}
