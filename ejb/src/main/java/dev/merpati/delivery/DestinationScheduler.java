package dev.merpati.delivery;

import dev.merpati.queue.QueueFlush;
import dev.merpati.settings.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs SMTP sessions on threads of their own, never on the JMS consumers' threads, with at most
 * {@link MailSettings#smtpDestinationConcurrencyLimit()} at once per destination domain and {@link
 * MailSettings#smtpSessionLimit()} overall: a destination that never answers ties up its own slots
 * and nothing else. A batch beyond its destination's limit waits in memory for a free slot (its
 * recipients stay PENDING and claimed; after a crash the sweeper sends them again). A destination
 * that could not be reached at all is suspended for a while: its waiting mail is deferred at once.
 * A fault of this server's own never suspends a destination, and a flush of the queue ends the
 * suspension of the destinations it concerns.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DestinationScheduler {

    private static final Logger LOG = Logger.getLogger(DestinationScheduler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    RemoteDelivery delivery;

    @Inject
    RemoteDeliveryLedger ledger;

    @Inject
    RecipientsInFlight inFlight;

    @Inject
    NextHops nextHops;

    @Inject
    MailSettings settings;

    private ThreadPoolExecutor pool;
    private final Map<String, Destination> destinations = new HashMap<>();

    // Callbacks with names of their own: an overloaded name can make the container pick the wrong method.
    @PostConstruct
    void openPool() {
        int size = settings.smtpSessionLimit();
        pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void closePool() {
        pool.shutdownNow();
    }

    /** Starts a session for the claimed batch now, or when its destination has a free slot. */
    public void submit(RemoteBatch batch, Object claim) {
        Work work = new Work(batch, claim, nextHops.destination(batch.destination()));
        boolean now;
        synchronized (destinations) {
            Destination d = destinations.computeIfAbsent(work.destination(), k -> new Destination());
            now = d.active < settings.smtpDestinationConcurrencyLimit();
            if (now) {
                d.active++;
            } else {
                d.waiting.add(work);
            }
        }
        if (now) {
            launch(work);
        }
    }

    private void launch(Work work) {
        try {
            pool.execute(() -> run(work));
        } catch (RejectedExecutionException e) {
            // shutting down: the recipients stay PENDING for the sweeper
            inFlight.release(work.claim());
            finished(work.destination());
        }
    }

    private void run(Work work) {
        RemoteBatch batch = work.batch();
        try {
            String suspended = suspension(work.destination());
            RemoteAttempt attempt;
            if (suspended != null) {
                attempt = RemoteAttempt.deferAll(batch, suspended, RemoteAttempt.Outcome.SUSPENDED);
            } else {
                attempt = attempt(batch);
                noteReachability(work.destination(), attempt);
            }
            ledger.record(batch, attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.queueId() + ": delivery to " + batch.destination() + " failed", e);
        } finally {
            inFlight.release(work.claim());
            finished(work.destination());
        }
    }

    /** The session, or a local fault when something of ours throws: never an unreachable destination. */
    private RemoteAttempt attempt(RemoteBatch batch) {
        try {
            return delivery.send(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.queueId() + ": no delivery to " + batch.destination() + ": local error", e);
            return RemoteDelivery.localError(batch, e);
        }
    }

    /** Frees the destination's slot, or hands it to the next waiting batch. */
    private void finished(String destination) {
        Work next;
        synchronized (destinations) {
            Destination d = destinations.get(destination);
            if (d == null) {
                return;
            }
            next = d.waiting.poll();
            if (next == null) {
                d.active--;
                boolean suspended = d.suspendedUntil != null && Instant.now().isBefore(d.suspendedUntil);
                if (d.active <= 0 && !suspended) {
                    destinations.remove(destination);
                }
            }
        }
        if (next != null) {
            launch(next);
        }
    }

    private String suspension(String destination) {
        synchronized (destinations) {
            Destination d = destinations.get(destination);
            if (d == null || d.suspendedUntil == null) {
                return null;
            }
            if (Instant.now().isAfter(d.suspendedUntil)) {
                d.suspendedUntil = null;
                return null;
            }
            return "4.4.1 delivery temporarily suspended: " + d.suspendedBecause;
        }
    }

    /**
     * A destination no server of which could be connected to or greeted is suspended; one whose
     * server replied is not (any more). A fault of this server's own, or no server to try, says
     * nothing about the destination and leaves it as it was.
     */
    private void noteReachability(String destination, RemoteAttempt attempt) {
        RemoteAttempt.Outcome outcome = attempt.outcome();
        if (outcome != RemoteAttempt.Outcome.UNREACHABLE && outcome != RemoteAttempt.Outcome.REPLIED) {
            return;
        }
        synchronized (destinations) {
            Destination d = destinations.get(destination);
            if (d == null) {
                return;
            }
            if (outcome == RemoteAttempt.Outcome.UNREACHABLE) {
                d.suspendedUntil = Instant.now().plus(suspension());
                d.suspendedBecause = attempt.results().get(0).text();
                LOG.info(() -> "smtp: " + destination + " unreachable, suspended: " + d.suspendedBecause);
            } else {
                d.suspendedUntil = null;
            }
        }
    }

    /**
     * The operator flushed the queue (postqueue -f) or an entry (postqueue -i): the suspension of
     * the destinations concerned ends now, so the flushed mail is sent at once instead of being
     * deferred again behind it (Postfix's flush also revives dead destinations).
     */
    public void resume(@Observes QueueFlush flush) {
        Set<String> concerned = flush.all()
                ? Set.of()
                : flush.domains().stream().map(nextHops::destination).collect(Collectors.toSet());
        synchronized (destinations) {
            for (Iterator<Map.Entry<String, Destination>> i =
                            destinations.entrySet().iterator();
                    i.hasNext(); ) {
                Map.Entry<String, Destination> e = i.next();
                Destination d = e.getValue();
                if (d.suspendedUntil == null || !(flush.all() || concerned.contains(e.getKey()))) {
                    continue;
                }
                d.suspendedUntil = null;
                LOG.info(() -> "smtp: " + e.getKey() + " no longer suspended: the queue was flushed");
                if (d.active <= 0 && d.waiting.isEmpty()) {
                    i.remove();
                }
            }
        }
    }

    /** Whether mail to the destination is deferred at once now (for tests and monitoring). */
    public boolean suspended(String destination) {
        synchronized (destinations) {
            Destination d = destinations.get(destination);
            return d != null && d.suspendedUntil != null && Instant.now().isBefore(d.suspendedUntil);
        }
    }

    /**
     * How long a destination that could not be reached at all is left alone: its other mail is
     * deferred at once instead of waiting for its own timeout (Postfix's "delivery temporarily
     * suspended"). Half the retry interval, at most 5 minutes (Postfix's minimal_backoff_time).
     */
    private Duration suspension() {
        Duration half = settings.retryInterval().dividedBy(2);
        return half.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : half;
    }

    /** Sessions now running (for tests and monitoring). */
    public int activeSessions() {
        return pool.getActiveCount();
    }

    /** A claimed batch and the destination whose slots it counts against. */
    private record Work(RemoteBatch batch, Object claim, String destination) {}

    private static final class Destination {
        int active;
        final Queue<Work> waiting = new ArrayDeque<>();
        Instant suspendedUntil;
        String suspendedBecause;
    }
}
