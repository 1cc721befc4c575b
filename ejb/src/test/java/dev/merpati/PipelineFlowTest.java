package dev.merpati;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.account.AccountException;
import dev.merpati.account.AccountMailboxOwners;
import dev.merpati.account.AccountRef;
import dev.merpati.account.AccountRepository;
import dev.merpati.account.AccountService;
import dev.merpati.account.AuthCacheHolder;
import dev.merpati.bounce.Bounces;
import dev.merpati.connector.api.MaildropMessage;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import dev.merpati.delivery.DeliveryRecordRepository;
import dev.merpati.delivery.LocalDelivery;
import dev.merpati.delivery.NextHops;
import dev.merpati.delivery.RecipientsInFlight;
import dev.merpati.delivery.RemoteDelivery;
import dev.merpati.delivery.RemoteDeliveryLedger;
import dev.merpati.inbound.MailIntake;
import dev.merpati.inbound.MailReceiverEndpoint;
import dev.merpati.mailbox.MailboxRepository;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.MessageAppender;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.mailbox.PageRequest;
import dev.merpati.mailbox.Quotas;
import dev.merpati.mailbox.SortKey;
import dev.merpati.mailbox.SubscriptionRepository;
import dev.merpati.mailbox.pop3.Maildrop;
import dev.merpati.pipeline.Cleanup;
import dev.merpati.pipeline.QueueAdmin;
import dev.merpati.pipeline.QueueManager;
import dev.merpati.pipeline.QueueSweeper;
import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueFlush;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import dev.merpati.rewrite.RewriteRepository;
import dev.merpati.rewrite.TrivialRewrite;
import dev.merpati.settings.MailSettings;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's beans and JPA mappings end to end on H2, with the JMS hops replayed by hand. */
class PipelineFlowTest {

    /** Records what would have been sent over JMS. */
    static final class RecordedMessages extends PipelineMessages {
        final List<Long> cleanup = new ArrayList<>();
        final List<Long> queueManager = new ArrayList<>();
        final List<long[]> localDelivery = new ArrayList<>();
        final List<Long> deferred = new ArrayList<>();
        final List<long[]> smtpDelivery = new ArrayList<>();
        final List<Duration> deferredDelays = new ArrayList<>();

        @Override
        public void toSmtpDelivery(long entryId, long recipientId) {
            smtpDelivery.add(new long[] {entryId, recipientId});
        }

        @Override
        public void toDeferred(long entryId, Duration delay) {
            deferred.add(entryId);
            deferredDelays.add(delay);
        }

        @Override
        public void toCleanup(long entryId) {
            cleanup.add(entryId);
        }

        @Override
        public void toQueueManager(long entryId) {
            queueManager.add(entryId);
        }

        @Override
        public void toLocalDelivery(long entryId, long recipientId) {
            localDelivery.add(new long[] {entryId, recipientId});
        }
    }

    /** Records the flushes the queue administration announces (CDI events in the server). */
    static final class RecordedFlushes implements Event<QueueFlush> {
        final List<QueueFlush> fired = new ArrayList<>();

        @Override
        public void fire(QueueFlush event) {
            fired.add(event);
        }

        @Override
        public <U extends QueueFlush> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends QueueFlush> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<QueueFlush> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends QueueFlush> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends QueueFlush> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private static TestContainer container;
    private static RecordedFlushes flushes;
    private static RecordedMessages jms;
    private static AccountService accounts;
    private static MailIntake intake;
    private static MailReceiverEndpoint receiver;
    private static Cleanup cleanup;
    private static QueueManager queueManager;
    private static LocalDelivery localDelivery;
    private static RemoteDelivery remoteDelivery;
    private static RemoteDeliveryLedger ledger;
    private static QueueAdmin queueAdmin;
    private static RecipientsInFlight inFlight;
    private static MailboxStore store;
    private static Maildrop maildrop;
    private static QueueRepository queue;
    private static AccountRef alice;
    private static RewriteRepository rewriteTables;
    private static Bounces bounces;
    private static QueueSweeper sweeper;
    private static BodyStore bodies;
    private static Quotas quotas;
    private static MailSettings settings;

    @BeforeAll
    static void start() {
        container = new TestContainer("pipeline-flow");
        jms = container.add(new RecordedMessages());
        flushes = container.add(new RecordedFlushes());
        settings = container.add(MailSettings.of(Map.of(MailSettings.HOSTNAME, "mail.merpati.test")));
        container.add(new AccountRepository());
        container.add(new AccountMailboxOwners());
        container.add(new MailboxRepository());
        container.add(new MessageAppender());
        quotas = container.add(new Quotas());
        bodies = container.add(new BodyStore());
        queue = container.add(new QueueRepository());
        rewriteTables = container.add(new RewriteRepository());
        container.add(new TrivialRewrite());
        bounces = container.add(new Bounces());
        sweeper = container.add(new QueueSweeper());
        container.add(new AuthCacheHolder());
        accounts = container.add(new AccountService());
        intake = container.add(new MailIntake());
        receiver = container.add(new MailReceiverEndpoint());
        cleanup = container.add(new Cleanup());
        queueManager = container.add(new QueueManager());
        container.add(new DeliveryRecordRepository());
        localDelivery = container.add(new LocalDelivery());
        container.add(new NextHops());
        remoteDelivery = container.add(new RemoteDelivery());
        inFlight = container.add(new RecipientsInFlight());
        ledger = container.add(new RemoteDeliveryLedger());
        queueAdmin = container.add(new QueueAdmin());
        container.add(new SubscriptionRepository());
        store = container.add(new MailboxStore());
        maildrop = container.add(new Maildrop());
        container.wire();
        alice = container.inTransaction(() -> accounts.createAccount("Alice@Merpati.test", "alice-secret"));
        container.inTransaction(() -> accounts.createAccount("bob@other.test", "bob-secret"));
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    /** The folder's messages newest (highest UID) first, as a mail client lists them; empty without the folder. */
    private static List<MessageSummary> listFolder(long accountId, String folder) {
        return store.folder(accountId, folder)
                .flatMap(f ->
                        store.page(accountId, f.id(), new PageRequest(SortKey.UID, true, 0, PageRequest.MAX_LIMIT)))
                .map(page -> page.messages())
                .orElse(List.of());
    }

    /** This test's settings with one property set. */
    private static MailSettings withSetting(String name, String value) {
        return MailSettings.of(Map.of(MailSettings.HOSTNAME, "mail.merpati.test", name, value));
    }

    private static ReceivedMail mail(String content, String... recipients) {
        return mailAt(Instant.parse("2025-03-04T05:06:07Z"), content, recipients);
    }

    private static ReceivedMail mailAt(Instant received, String content, String... recipients) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        MessageContent body = new MessageContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
        return new ReceivedMail(
                "sender@example.org",
                List.of(recipients),
                body,
                "192.0.2.7",
                "client.example.org",
                "ESMTP",
                null,
                received);
    }

    /**
     * Replays the recorded SMTP deliveries. There is no SMTP client resource here, so the remote
     * agent defers every remote recipient (RemoteDeliveryIT covers real deliveries).
     */
    private static void deliverRemote() {
        List<long[]> requests = new ArrayList<>(jms.smtpDelivery);
        jms.smtpDelivery.clear();
        for (long[] r : requests) {
            Object claim = new Object();
            container.inTransaction(() -> ledger.claim(r[0], r[1], claim)).ifPresent(batch -> {
                var results = remoteDelivery.send(batch);
                container.inTransaction(() -> ledger.record(batch, results));
            });
            inFlight.release(claim);
        }
    }

    private static QueueEntry entry(long id) {
        return container.inTransaction(() -> queue.lock(id).orElseThrow());
    }

    private static List<QueueRecipient> recipients(long id) {
        return container.inTransaction(() -> queue.recipients(id));
    }

    @Test
    void accountsAuthenticateByAddressOrBareLocalPart() {
        assertEquals("alice@merpati.test", alice.address());
        assertEquals(
                alice,
                container
                        .inTransaction(() -> accounts.authenticate("alice", "alice-secret"))
                        .orElseThrow());
        assertEquals(
                alice,
                container
                        .inTransaction(() -> accounts.authenticate("ALICE@merpati.TEST", "alice-secret"))
                        .orElseThrow());
        assertTrue(container
                .inTransaction(() -> accounts.authenticate("alice", "wrong"))
                .isEmpty());
        assertTrue(container
                .inTransaction(() -> accounts.authenticate("bob", "bob-secret"))
                .isEmpty());
        assertTrue(container
                .inTransaction(() -> accounts.authenticate("bob@other.test", "bob-secret"))
                .isPresent());
        assertThrows(
                AccountException.class,
                () -> container.inTransaction(() -> accounts.createAccount("alice@merpati.test", "x")));
    }

    @Test
    void recipientsAreCheckedAtRcptTime() {
        assertEquals(RecipientVerdict.ACCEPTED, check("ALICE@merpati.test"));
        assertEquals(RecipientVerdict.ACCEPTED, check("postmaster"));
        assertEquals(RecipientVerdict.UNKNOWN_USER, check("nobody@merpati.test"));
        assertEquals(RecipientVerdict.RELAY_DENIED, check("someone@example.org"));
    }

    private static RecipientVerdict check(String recipient) {
        return container.inTransaction(() ->
                receiver.checkRecipient(new RecipientCheck(recipient, "s@example.org", "192.0.2.7", null, false)));
    }

    @Test
    void aMessageTravelsToTheInboxOnceEvenWhenEveryStageRunsTwice() {
        String content = "From: =?UTF-8?Q?Budi?= <budi@example.org>\r\nSubject: Halo\r\n\r\nApa kabar?\r\n";
        String queueId = container.inTransaction(
                () -> intake.receive(mail(content, "alice@merpati.test", "ALICE@merpati.test", "nobody@merpati.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        assertEquals(String.format("%010X", entryId), queueId);
        // cleanup ran in the intake's transaction: the entry went straight to the queue manager
        assertEquals(QueueState.INCOMING, entry(entryId).getState());
        assertEquals(2, recipients(entryId).size());

        int sentBefore = jms.queueManager.size();
        int cleanupsBefore = jms.cleanup.size();
        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> cleanup.process(entryId));
        assertEquals(sentBefore, jms.queueManager.size());
        assertEquals(cleanupsBefore, jms.cleanup.size());
        assertEquals(QueueState.INCOMING, entry(entryId).getState());

        int deliveriesBefore = jms.localDelivery.size();
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        assertEquals(deliveriesBefore + 1, jms.localDelivery.size());
        assertEquals(QueueState.ACTIVE, entry(entryId).getState());

        long[] delivery = jms.localDelivery.get(deliveriesBefore);
        container.inTransaction(() -> localDelivery.deliver(delivery[0], delivery[1]));
        container.inTransaction(() -> localDelivery.deliver(delivery[0], delivery[1]));
        assertEquals(QueueState.DONE, entry(entryId).getState());
        Map<String, RecipientState> states = new java.util.HashMap<>();
        recipients(entryId).forEach(r -> states.put(r.getAddress(), r.getState()));
        assertEquals(
                Map.of("alice@merpati.test", RecipientState.DELIVERED, "nobody@merpati.test", RecipientState.BOUNCED),
                states);

        List<MessageSummary> inbox = container.inTransaction(() -> listFolder(alice.id(), "inbox"));
        assertEquals(1, inbox.size());
        MessageSummary summary = inbox.get(0);
        assertEquals("Budi <budi@example.org>", summary.from());
        assertEquals("Halo", summary.subject());
        assertEquals(Instant.parse("2025-03-04T05:06:07Z"), summary.date()); // the added Date header
        assertFalse(summary.seen());

        List<MaildropMessage> pop = container.inTransaction(() -> maildrop.list(alice.id()));
        assertEquals(1, pop.size());
        assertEquals(summary.size(), pop.get(0).size());
        byte[] whole = container.inTransaction(() -> maildrop.read(alice.id(), summary.id(), 0, 1 << 20));
        assertEquals(pop.get(0).size(), whole.length);
        String text = new String(whole, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Received: from client.example.org ([192.0.2.7])\r\n"), text);
        assertTrue(text.contains("\r\nMessage-ID: <"), text);
        assertTrue(text.endsWith(content), text);

        assertThrows(
                IllegalArgumentException.class,
                () -> container.inTransaction(() -> maildrop.read(alice.id() + 1, summary.id(), 0, 10)));
        assertEquals(0, (int) container.inTransaction(() -> maildrop.delete(alice.id() + 1, List.of(summary.id()))));
        assertEquals(1, (int) container.inTransaction(() -> maildrop.delete(alice.id(), List.of(summary.id()))));
        assertEquals(0, (int) container.inTransaction(() -> maildrop.delete(alice.id(), List.of(summary.id()))));
        assertTrue(
                container.inTransaction(() -> listFolder(alice.id(), "INBOX")).isEmpty());
    }

    @Test
    void aHeldEntryDeliversNothingFromMessagesAlreadyOnTheirWay() {
        String queueId = container.inTransaction(() ->
                intake.receive(mail("Subject: held\r\n\r\nwait\r\n", "alice@merpati.test", "someone@example.org")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        int localBefore = jms.localDelivery.size();
        container.inTransaction(() -> queueManager.process(entryId));
        long[] local = jms.localDelivery.get(localBefore);
        int inboxBefore =
                container.inTransaction(() -> listFolder(alice.id(), "INBOX")).size();

        assertTrue(container.inTransaction(() -> queueAdmin.hold(queueId)));
        container.inTransaction(() -> localDelivery.deliver(local[0], local[1]));
        deliverRemote();
        assertEquals(
                List.of(RecipientState.PENDING, RecipientState.PENDING),
                recipients(entryId).stream().map(QueueRecipient::getState).toList());
        assertEquals(
                inboxBefore,
                container.inTransaction(() -> listFolder(alice.id(), "INBOX")).size());

        localBefore = jms.localDelivery.size();
        assertTrue(container.inTransaction(() -> queueAdmin.release(queueId)));
        assertEquals(localBefore + 1, jms.localDelivery.size());
        long[] again = jms.localDelivery.get(localBefore);
        container.inTransaction(() -> localDelivery.deliver(again[0], again[1]));
        deliverRemote();
        assertEquals(
                List.of(RecipientState.DELIVERED, RecipientState.DEFERRED),
                recipients(entryId).stream().map(QueueRecipient::getState).toList());
        assertEquals(
                inboxBefore + 1,
                container.inTransaction(() -> listFolder(alice.id(), "INBOX")).size());
    }

    @Test
    void remoteRecipientsWaitDeferred() {
        container.inTransaction(() -> intake.receive(mail("Subject: x\r\n\r\n", "someone@example.org")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        assertEquals(QueueState.ACTIVE, entry(entryId).getState());
        assertEquals(RecipientState.DEFERRED, recipients(entryId).get(0).getState());
    }

    @Test
    void aFaultOfOurOwnDefersTheMailForAShortWhileOnly() {
        container.inTransaction(() -> intake.receive(mail("Subject: local fault\r\n\r\n", "someone@example.org")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        Instant before = Instant.now();
        deliverRemote(); // no SMTP client resource here: our own fault, not the destination's
        QueueRecipient r = recipients(entryId).get(0);
        assertEquals(RecipientState.DEFERRED, r.getState());
        assertTrue(r.getLastError().startsWith("4.3.0 no eis/merpati/smtp resource"), r.getLastError());
        assertEquals(QueueManager.LOCAL_FAULT_RETRY, jms.deferredDelays.get(jms.deferredDelays.size() - 1));
        Instant next = entry(entryId).getNextAttempt();
        assertTrue(
                !next.isBefore(before.plus(QueueManager.LOCAL_FAULT_RETRY))
                        && next.isBefore(Instant.now().plus(QueueManager.LOCAL_FAULT_RETRY)),
                "next attempt " + next + ", not in " + QueueManager.LOCAL_FAULT_RETRY
                        + " instead of the retry interval " + settings.retryInterval());
    }

    @Test
    void aFlushAnnouncesTheDestinationsOfTheEntryAndSendsItAtOnce() {
        container.inTransaction(() -> intake.receive(mailAt(
                Instant.now(),
                "Subject: flush\r\n\r\n",
                "Someone@Example.ORG",
                "other@example.net",
                "Alice@merpati.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        String queueId = entry(entryId).getQueueId();
        assertTrue(entry(entryId).getNextAttempt().isAfter(Instant.now()));

        int fired = flushes.fired.size();
        assertTrue(container.inTransaction(() -> queueAdmin.flush(queueId)));
        assertEquals(fired + 1, flushes.fired.size());
        QueueFlush flush = flushes.fired.get(fired);
        assertFalse(flush.all());
        assertEquals(java.util.Set.of("example.org", "example.net"), flush.domains(), "the suspensions to end");
        assertEquals(Duration.ZERO, jms.deferredDelays.get(jms.deferredDelays.size() - 1), "not tried at once");
        assertFalse(entry(entryId).getNextAttempt().isAfter(Instant.now()));

        int requests = jms.smtpDelivery.size();
        container.inTransaction(() -> queueManager.retry(entryId)); // the deferred queue's message
        assertEquals(
                requests + 2,
                jms.smtpDelivery.size(),
                "the flushed recipients were not sent again: " + entry(entryId).getState() + " "
                        + entry(entryId).getNextAttempt() + " "
                        + recipients(entryId).stream()
                                .map(r -> r.getAddress() + " " + r.getState() + " " + r.getLastError())
                                .toList());
        deliverRemote();

        int flushed = container.inTransaction(() -> queueAdmin.flushAll()); // postqueue -f
        assertTrue(flushed >= 1, "flushed " + flushed);
        assertTrue(flushes.fired.get(flushes.fired.size() - 1).all(), "postqueue -f ends every suspension");
        assertEquals(Duration.ZERO, jms.deferredDelays.get(jms.deferredDelays.size() - 1));
    }

    @Test
    void uidsAndListingsFollowArrivalOrder() {
        AccountRef carol = container.inTransaction(() -> accounts.createAccount("carol@merpati.test", "c"));
        for (int i = 1; i <= 3; i++) {
            String subject = "n" + i;
            container.inTransaction(
                    () -> intake.receive(mail("Subject: " + subject + "\r\n\r\n", "carol@merpati.test")));
            long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
            container.inTransaction(() -> cleanup.process(entryId));
            container.inTransaction(() -> queueManager.process(entryId));
            deliverRemote();
            long[] d = jms.localDelivery.get(jms.localDelivery.size() - 1);
            container.inTransaction(() -> localDelivery.deliver(d[0], d[1]));
        }
        List<MessageSummary> list = container.inTransaction(() -> listFolder(carol.id(), "INBOX"));
        assertEquals(
                List.of("n3", "n2", "n1"),
                list.stream().map(MessageSummary::subject).toList());
        assertEquals(List.of(3L, 2L, 1L), list.stream().map(MessageSummary::uid).toList());
        List<MaildropMessage> pop = container.inTransaction(() -> maildrop.list(carol.id()));
        assertTrue(pop.get(0).uniqueId().endsWith(".1"));
        assertTrue(container.inTransaction(() -> listFolder(carol.id(), "Sent")).isEmpty());
        assertTrue(container
                .inTransaction(() -> listFolder(carol.id(), "NoSuchFolder"))
                .isEmpty());
    }

    @Test
    void anAliasExpandsToMailboxesRemoteAddressesAndBouncesTheUnknownWithOneDsn() {
        container.inTransaction(() -> rewriteTables.putAlias("crew@merpati.test", "alice, ghost, Friend@Example.org"));
        container.inTransaction(() -> intake.receive(mail("Subject: crew\r\n\r\nhi\r\n", "crew@merpati.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        int localBefore = jms.localDelivery.size();
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();

        Map<String, RecipientState> states = new java.util.LinkedHashMap<>();
        recipients(entryId).forEach(r -> states.put(r.getAddress(), r.getState()));
        assertEquals(
                Map.of(
                        "crew@merpati.test", RecipientState.EXPANDED,
                        "alice@merpati.test", RecipientState.PENDING,
                        "ghost@merpati.test", RecipientState.BOUNCED,
                        "Friend@example.org", RecipientState.DEFERRED),
                states);
        assertEquals(localBefore + 1, jms.localDelivery.size());
        assertEquals(List.of(entryId), jms.deferred.subList(jms.deferred.size() - 1, jms.deferred.size()));
        assertTrue(entry(entryId).getNextAttempt() != null);

        long dsnId = jms.cleanup.get(jms.cleanup.size() - 1);
        QueueEntry dsn = entry(dsnId);
        assertTrue(dsn.isDsn());
        assertEquals("", dsn.getReversePath());
        assertEquals(
                List.of("sender@example.org", "postmaster@merpati.test"),
                recipients(dsnId).stream().map(QueueRecipient::getAddress).toList());
        String report = new String(
                container.inTransaction(() -> bodies.read(dsn.getBodyId(), 0, 1 << 16)), StandardCharsets.US_ASCII);
        assertTrue(
                report.contains("Final-Recipient: rfc822; ghost@merpati.test\r\n"
                        + "Original-Recipient: rfc822; crew@merpati.test\r\n"),
                report);
        assertTrue(report.contains("Subject: crew\r\n"), report);

        // A redelivered queue manager message changes nothing and sends no second DSN.
        int cleanups = jms.cleanup.size();
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        assertEquals(cleanups, jms.cleanup.size());
    }

    @Test
    void aRecipientOverQuotaIsDeferredWith422AndDeliveredOnceThereIsRoom() {
        assertTrue(container.inTransaction(() -> accounts.setQuota("bob@other.test", 10L)));
        container.inTransaction(
                () -> intake.receive(mail("Subject: big\r\n\r\nmore than ten octets\r\n", "bob@other.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        int deliveriesBefore = jms.localDelivery.size();
        container.inTransaction(() -> queueManager.process(entryId));
        long[] delivery = jms.localDelivery.get(deliveriesBefore);
        container.inTransaction(() -> localDelivery.deliver(delivery[0], delivery[1]));
        QueueRecipient bob = recipients(entryId).get(0);
        assertEquals(RecipientState.DEFERRED, bob.getState());
        assertTrue(bob.getLastError().startsWith("4.2.2 mailbox full"), bob.getLastError());
        long bobId = container.inTransaction(
                () -> accounts.findAccount("bob@other.test").orElseThrow().id());
        assertEquals(
                0, container.inTransaction(() -> listFolder(bobId, "INBOX")).size());
        container.inTransaction(() -> accounts.setQuota("bob@other.test", 0L));
        MailSettings defaultQuota = container.replace(settings, withSetting(MailSettings.QUOTA_DEFAULT_BYTES, "5"));
        try {
            assertTrue(container.inTransaction(() -> accounts.setQuota("bob@other.test", null)));
            assertTrue(container.inTransaction(() -> quotas.exceededBy(bobId, 6)));
        } finally {
            container.replace(defaultQuota, settings);
        }
        assertFalse(container.inTransaction(() -> quotas.exceededBy(bobId, 1L << 40)));
    }

    @Test
    void deferredMailIsRetriedUntilItsLifetimeEndsThenBounced() {
        container.inTransaction(() -> intake.receive(mail("Subject: far\r\n\r\n", "far@example.net")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        MailSettings quickRetry = container.replace(settings, withSetting(MailSettings.QUEUE_RETRY_SECONDS, "1"));
        try {
            container.inTransaction(() -> queueManager.process(entryId));
            deliverRemote();
            // too early: nothing happens
            container.inTransaction(() -> queueManager.retry(entryId));
            deliverRemote();
            assertEquals(1, entry(entryId).getAttempts());
            assertEquals(RecipientState.DEFERRED, recipients(entryId).get(0).getState());
            sleep(1100);
            // the mail arrived in 2025: far beyond the 5 days
            int cleanups = jms.cleanup.size();
            container.inTransaction(() -> queueManager.retry(entryId));
            deliverRemote();
            QueueRecipient far = recipients(entryId).get(0);
            assertEquals(RecipientState.BOUNCED, far.getState());
            assertTrue(far.getLastError().startsWith("4.4.7 delivery time expired"), far.getLastError());
            assertEquals(QueueState.DONE, entry(entryId).getState());
            assertEquals(cleanups + 1, jms.cleanup.size());
        } finally {
            container.replace(quickRetry, settings);
        }
    }

    @Test
    void bouncesOfNullSenderMailGoToPostmasterAndFailedDsnsAreDropped() {
        ReceivedMail m = mail("Subject: b\r\n\r\n", "nobody-here@merpati.test");
        ReceivedMail nullSender = new ReceivedMail(
                "",
                m.recipients(),
                m.content(),
                m.clientAddress(),
                m.clientHostname(),
                m.protocol(),
                null,
                m.receivedAt());
        container.inTransaction(() -> intake.receive(nullSender));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        long dsnId = jms.cleanup.get(jms.cleanup.size() - 1);
        assertTrue(dsnId != entryId);
        assertEquals(
                List.of("postmaster@merpati.test"),
                recipients(dsnId).stream().map(QueueRecipient::getAddress).toList());

        // a DSN that cannot be delivered is not reported again
        container.inTransaction(() -> queue.recipients(dsnId).get(0).bounced("5.1.1 test"));
        int cleanups = jms.cleanup.size();
        container.inTransaction(() -> bounces.notifySender(queue.lock(dsnId).orElseThrow()));
        assertEquals(cleanups, jms.cleanup.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void cleanupDropsBccAndBouncesLoops() {
        String content = "From: x@example.org\r\nBcc: secret@example.org,\r\n other@example.org\r\nSubject: b\r\n\r\n"
                + "Bcc: stays in the body\r\n";
        container.inTransaction(() -> intake.receive(mail(content, "alice@merpati.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        long bodyId = entry(entryId).getBodyId();
        String stored =
                new String(container.inTransaction(() -> bodies.read(bodyId, 0, 1 << 16)), StandardCharsets.US_ASCII);
        assertFalse(stored.contains("secret@example.org"), stored);
        assertTrue(stored.endsWith("From: x@example.org\r\nSubject: b\r\n\r\nBcc: stays in the body\r\n"), stored);
        assertEquals(stored.length(), (long) container.inTransaction(() -> bodies.size(bodyId)));

        String looping = "Received: x\r\n".repeat(51) + "Subject: loop\r\n\r\n";
        container.inTransaction(() -> intake.receive(mail(looping, "alice@merpati.test")));
        long loopId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(loopId));
        assertEquals("5.4.6 mail loop detected", recipients(loopId).get(0).getLastError());
        container.inTransaction(() -> queueManager.process(loopId));
        deliverRemote();
        assertEquals(QueueState.DONE, entry(loopId).getState());
        assertTrue(entry(jms.cleanup.get(jms.cleanup.size() - 1)).isDsn());
    }

    @Test
    void theSweeperRedrivesWhatLostItsMessageAndDeliversOnce() {
        container.inTransaction(() -> intake.receive(mail("Subject: lost\r\n\r\n", "alice@merpati.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        Instant later = Instant.now().plusSeconds(3600); // everything counts as stalled

        int qmgr = jms.queueManager.size();
        container.inTransaction(() -> sweeper.redrive(later));
        assertTrue(jms.queueManager.subList(qmgr, jms.queueManager.size()).contains(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();

        long recipientId = recipients(entryId).get(0).getId();
        int deliveries = jms.localDelivery.size();
        container.inTransaction(() -> sweeper.redrive(later));
        assertTrue(jms.localDelivery.subList(deliveries, jms.localDelivery.size()).stream()
                .anyMatch(d -> d[0] == entryId && d[1] == recipientId));
        container.inTransaction(() -> localDelivery.deliver(entryId, recipientId));
        container.inTransaction(() -> localDelivery.deliver(entryId, recipientId));
        assertEquals(QueueState.DONE, entry(entryId).getState());
        assertEquals(
                1,
                container.inTransaction(() -> listFolder(alice.id(), "INBOX")).stream()
                        .filter(m -> m.subject().equals("lost"))
                        .count());
    }

    @Test
    void aForwardThatKeepsACopyDeliversLocallyAndDefersTheRemoteCopy() {
        AccountRef dewi = container.inTransaction(() -> accounts.createAccount("dewi@merpati.test", "d"));
        container.inTransaction(() -> rewriteTables.putForward(dewi.id(), "dewi@example.net", true));
        container.inTransaction(() -> intake.receive(mail("Subject: fwd\r\n\r\n", "Dewi@merpati.test")));
        long entryId = jms.queueManager.get(jms.queueManager.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        int deliveries = jms.localDelivery.size();
        container.inTransaction(() -> queueManager.process(entryId));
        deliverRemote();
        Map<String, RecipientState> states = new java.util.LinkedHashMap<>();
        recipients(entryId).forEach(r -> states.put(r.getAddress(), r.getState()));
        assertEquals(
                Map.of("Dewi@merpati.test", RecipientState.PENDING, "dewi@example.net", RecipientState.DEFERRED),
                states);
        assertEquals(deliveries + 1, jms.localDelivery.size());
        long[] d = jms.localDelivery.get(deliveries);
        container.inTransaction(() -> localDelivery.deliver(d[0], d[1]));
        assertEquals(
                1, container.inTransaction(() -> listFolder(dewi.id(), "INBOX")).size());
    }
}
