package dev.merpati.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.queue.QueueFlush;
import dev.merpati.settings.MailSettings;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-destination limit, the suspension of an unreachable destination (and of no other), and
 * its end by a flush, with sessions played by the test.
 */
class DestinationSchedulerTest {

    /**
     * Sessions to stuck.test hang until released, then fail as unreachable; broken.test meets a
     * fault of this server's own (no SMTP client resource), thrown.test an exception of ours;
     * others succeed at once.
     */
    static final class PlayedDelivery extends RemoteDelivery {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger stuckNow = new AtomicInteger();
        final AtomicInteger stuckMost = new AtomicInteger();
        final AtomicInteger stuckSessions = new AtomicInteger();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Override
        public RemoteAttempt send(RemoteBatch batch) {
            attempts.computeIfAbsent(batch.destination(), d -> new AtomicInteger())
                    .incrementAndGet();
            if (batch.destination().equals("broken.test")) {
                return RemoteAttempt.deferAll(
                        batch, "4.3.0 no eis/merpati/smtp resource", RemoteAttempt.Outcome.LOCAL_FAULT);
            }
            if (batch.destination().equals("thrown.test")) {
                throw new IllegalStateException("a bug of ours");
            }
            if (!batch.destination().equals("stuck.test")) {
                return new RemoteAttempt(
                        batch.addresses().stream()
                                .map(a -> new SmtpDeliveryResult(a, 250, "2.0.0 ok"))
                                .toList(),
                        RemoteAttempt.Outcome.REPLIED);
            }
            stuckSessions.incrementAndGet();
            stuckMost.accumulateAndGet(stuckNow.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stuckNow.decrementAndGet();
            }
            return RemoteAttempt.deferAll(
                    batch,
                    "4.4.2 conversation with stuck timed out while receiving the initial server greeting",
                    RemoteAttempt.Outcome.UNREACHABLE);
        }
    }

    /** Remembers what would have been recorded, per queue id. */
    static final class RecordingLedger extends RemoteDeliveryLedger {
        final Map<String, SmtpDeliveryResult> recorded = new ConcurrentHashMap<>();
        final Map<String, RemoteAttempt> attempts = new ConcurrentHashMap<>();
        final List<String> order = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(RemoteBatch batch, RemoteAttempt attempt) {
            attempts.put(batch.queueId(), attempt);
            recorded.put(batch.queueId(), attempt.results().get(0));
            order.add(batch.queueId());
        }
    }

    static final class Threads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "test-smtp");
            t.setDaemon(true);
            return t;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }

    private DestinationScheduler scheduler;
    private PlayedDelivery delivery;
    private RecordingLedger ledger;

    @BeforeEach
    void start() {
        MailSettings settings = MailSettings.of(
                Map.of(MailSettings.SMTP_DESTINATION_CONCURRENCY_LIMIT, "2", MailSettings.SMTP_SESSION_LIMIT, "8"));
        scheduler = new DestinationScheduler();
        scheduler.settings = settings;
        scheduler.threads = new Threads();
        scheduler.delivery = delivery = new PlayedDelivery();
        scheduler.ledger = ledger = new RecordingLedger();
        scheduler.inFlight = new RecipientsInFlight();
        scheduler.nextHops = new NextHops(null, settings);
        scheduler.openPool();
    }

    @AfterEach
    void stop() {
        delivery.release.countDown();
        scheduler.closePool();
    }

    private static RemoteBatch batch(String queueId, String domain) {
        return new RemoteBatch(
                1, queueId, 1, "a@merpati.test", domain, List.of(new RemoteBatch.Target(1, "x@" + domain)));
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(10);
        }
    }

    @Test
    void aStuckDestinationUsesOnlyItsOwnSlotsAndIsThenSuspended() throws Exception {
        for (int i = 0; i < 6; i++) {
            scheduler.submit(batch("S" + i, "stuck.test"), new Object());
        }
        scheduler.submit(batch("R", "remote.test"), new Object());
        await(() -> ledger.recorded.containsKey("R"), "mail to another destination was held up");
        // both slots of the stuck destination fill (the second session may start after R's)
        await(() -> delivery.stuckNow.get() == 2, "sessions to the stuck destination");
        assertEquals(2, delivery.stuckNow.get(), "sessions to the stuck destination");

        delivery.release.countDown(); // the two sessions time out
        await(() -> ledger.recorded.size() == 7, "the stuck destination's mail was not all recorded");
        assertEquals(2, delivery.stuckMost.get(), "never more than the limit at once");
        assertEquals(2, delivery.stuckSessions.get(), "the waiting mail must not try the suspended destination");
        for (int i = 0; i < 6; i++) {
            SmtpDeliveryResult r = ledger.recorded.get("S" + i);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.text().contains("timed out while receiving the initial server greeting"), r.text());
        }
        assertTrue(ledger.recorded.get("S5").text().startsWith("4.4.1 delivery temporarily suspended: "));
        assertTrue(scheduler.suspended("stuck.test"));
    }

    @Test
    void aLocalFaultDefersOnlyTheMailAtHandAndSuspendsNothing() throws Exception {
        scheduler.submit(batch("L1", "broken.test"), new Object());
        await(() -> ledger.recorded.containsKey("L1"), "the first mail was not recorded");
        RemoteAttempt first = ledger.attempts.get("L1");
        assertTrue(first.localFault(), first.toString());
        assertTrue(first.results().get(0).text().startsWith("4.3.0 no eis/merpati/smtp resource"), first.toString());
        assertFalse(scheduler.suspended("broken.test"), "a fault of our own suspended the destination");

        scheduler.submit(batch("L2", "broken.test"), new Object());
        await(() -> ledger.recorded.containsKey("L2"), "the second mail was not recorded");
        assertEquals(2, delivery.attempts.get("broken.test").get(), "the second mail was not attempted");
        assertEquals(
                RemoteAttempt.Outcome.LOCAL_FAULT, ledger.attempts.get("L2").outcome());
        assertFalse(
                ledger.recorded.get("L2").text().contains("suspended"),
                ledger.recorded.get("L2").text());
    }

    @Test
    void anExceptionOfOursIsALocalFaultNotAnUnreachableDestination() throws Exception {
        scheduler.submit(batch("T1", "thrown.test"), new Object());
        await(() -> ledger.recorded.containsKey("T1"), "the mail was not recorded");
        RemoteAttempt attempt = ledger.attempts.get("T1");
        assertEquals(RemoteAttempt.Outcome.LOCAL_FAULT, attempt.outcome());
        assertTrue(attempt.results().get(0).text().startsWith("4.3.0 local error: "), attempt.toString());
        assertFalse(scheduler.suspended("thrown.test"));

        scheduler.submit(batch("T2", "thrown.test"), new Object());
        await(() -> ledger.recorded.containsKey("T2"), "the second mail was not recorded");
        assertEquals(2, delivery.attempts.get("thrown.test").get(), "the second mail was not attempted");
    }

    @Test
    void aFlushEndsTheSuspensionOfTheDestinationsItConcernsAndTheirMailIsSentAtOnce() throws Exception {
        delivery.release.countDown(); // stuck.test is unreachable at once
        scheduler.submit(batch("U1", "stuck.test"), new Object());
        await(() -> ledger.recorded.containsKey("U1"), "the first mail was not recorded");
        assertEquals(
                RemoteAttempt.Outcome.UNREACHABLE, ledger.attempts.get("U1").outcome());
        assertTrue(scheduler.suspended("stuck.test"), "an unreachable destination must be suspended");

        scheduler.submit(batch("U2", "stuck.test"), new Object());
        await(() -> ledger.recorded.containsKey("U2"), "the second mail was not recorded");
        assertEquals(RemoteAttempt.Outcome.SUSPENDED, ledger.attempts.get("U2").outcome());
        assertEquals(1, delivery.stuckSessions.get(), "a suspended destination was tried");

        scheduler.resume(QueueFlush.ofAddresses(List.of("someone@Other.test")));
        assertTrue(scheduler.suspended("stuck.test"), "a flush of other mail ended the suspension");

        scheduler.resume(QueueFlush.ofAddresses(List.of("x@Stuck.Test")));
        assertFalse(scheduler.suspended("stuck.test"), "the flush did not end the suspension");
        scheduler.submit(batch("U3", "stuck.test"), new Object());
        await(() -> ledger.recorded.containsKey("U3"), "the flushed mail was not recorded");
        assertEquals(2, delivery.stuckSessions.get(), "the flushed mail was not sent at once");
        assertEquals(
                RemoteAttempt.Outcome.UNREACHABLE, ledger.attempts.get("U3").outcome());
        assertTrue(scheduler.suspended("stuck.test"), "still unreachable: suspended again");

        scheduler.resume(QueueFlush.everything()); // postqueue -f
        assertFalse(scheduler.suspended("stuck.test"));
        scheduler.submit(batch("U4", "stuck.test"), new Object());
        await(() -> ledger.recorded.containsKey("U4"), "the flushed mail was not recorded");
        assertEquals(3, delivery.stuckSessions.get(), "postqueue -f did not send at once");
    }
}
