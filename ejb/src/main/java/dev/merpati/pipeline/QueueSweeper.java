package dev.merpati.pipeline;

import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.settings.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-drives queue entries whose JMS message was lost (the database is the queue of record): soon
 * after start-up and then periodically, every entry that has waited in a stage for longer than the
 * grace period gets its stage's message again. Every stage is idempotent, so a message that was
 * only slow costs a no-op. The timer is not persistent: it needs no timer database and is created
 * again at every start.
 *
 * <p>The interval and the grace period are {@link MailSettings#sweepInterval()} and {@link
 * MailSettings#sweepGrace()}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueSweeper {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(QueueSweeper.class.getName());

    @Resource
    TimerService timers;

    @Inject
    QueueRepository queue;

    @Inject
    PipelineMessages pipeline;

    @Inject
    MailSettings settings;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = settings.sweepInterval().toMillis();
        // the first sweep a little after start-up, when the broker and the pools are up
        timers.createIntervalTimer(Math.min(interval, 15_000), interval, new TimerConfig("queue sweeper", false));
    }

    @Timeout
    void sweep() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous sweep is still going
        }
        try {
            int n = redrive(Instant.now().minus(settings.sweepGrace()));
            if (n > 0) {
                LOG.info(() -> "queue sweeper: re-drove " + n + " stalled queue item(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "queue sweeper failed; trying again at the next sweep", e);
        } finally {
            running.set(false);
        }
    }

    /** Sends the stage message again for everything that waits since before the instant. */
    public int redrive(Instant before) {
        int n = 0;
        for (QueueEntry e : queue.waitingSince(QueueState.MAILDROP, before, BATCH)) {
            pipeline.toCleanup(e.getId());
            n++;
        }
        for (QueueEntry e : queue.waitingSince(QueueState.INCOMING, before, BATCH)) {
            pipeline.toQueueManager(e.getId());
            n++;
        }
        List<QueueRecipient> local = queue.pendingLocal(before, BATCH);
        for (QueueRecipient r : local) {
            pipeline.toLocalDelivery(r.getEntryId(), r.getId());
            n++;
        }
        for (QueueRecipient r : queue.pendingRemote(before, BATCH)) {
            pipeline.toSmtpDelivery(r.getEntryId(), r.getId());
            n++;
        }
        for (QueueEntry e : queue.overdue(before, BATCH)) {
            pipeline.toDeferred(e.getId(), Duration.ZERO);
            n++;
        }
        return n;
    }
}
