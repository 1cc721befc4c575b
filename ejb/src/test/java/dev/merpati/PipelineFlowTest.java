package dev.merpati;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.account.AccountException;
import dev.merpati.account.AccountRef;
import dev.merpati.account.AccountRepository;
import dev.merpati.account.AccountService;
import dev.merpati.connector.api.MaildropMessage;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import dev.merpati.delivery.LocalDelivery;
import dev.merpati.inbound.MailIntake;
import dev.merpati.inbound.MailReceiverEndpoint;
import dev.merpati.mailbox.MailboxQueries;
import dev.merpati.mailbox.MailboxRepository;
import dev.merpati.mailbox.Maildrop;
import dev.merpati.mailbox.MessageAppender;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.pipeline.Cleanup;
import dev.merpati.pipeline.PipelineMessages;
import dev.merpati.pipeline.QueueManager;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import dev.merpati.rewrite.TrivialRewrite;
import dev.merpati.store.BodyStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static TestContainer container;
    private static RecordedMessages jms;
    private static AccountService accounts;
    private static MailIntake intake;
    private static MailReceiverEndpoint receiver;
    private static Cleanup cleanup;
    private static QueueManager queueManager;
    private static LocalDelivery localDelivery;
    private static MailboxQueries queries;
    private static Maildrop maildrop;
    private static QueueRepository queue;
    private static AccountRef alice;

    @BeforeAll
    static void start() {
        container = new TestContainer("pipeline-flow");
        jms = container.add(new RecordedMessages());
        container.add(new AccountRepository());
        container.add(new MailboxRepository());
        container.add(new MessageAppender());
        container.add(new BodyStore());
        queue = container.add(new QueueRepository());
        container.add(new TrivialRewrite());
        accounts = container.add(new AccountService());
        intake = container.add(new MailIntake());
        receiver = container.add(new MailReceiverEndpoint());
        cleanup = container.add(new Cleanup());
        queueManager = container.add(new QueueManager());
        localDelivery = container.add(new LocalDelivery());
        queries = container.add(new MailboxQueries());
        maildrop = container.add(new Maildrop());
        container.wire();
        alice = container.inTransaction(() -> accounts.createAccount("Alice@Merpati.test", "alice-secret"));
        container.inTransaction(() -> accounts.createAccount("bob@other.test", "bob-secret"));
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    private static ReceivedMail mail(String content, String... recipients) {
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
                Instant.parse("2025-03-04T05:06:07Z"));
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
        long entryId = jms.cleanup.get(jms.cleanup.size() - 1);
        assertEquals(String.format("%010X", entryId), queueId);
        assertEquals(QueueState.MAILDROP, entry(entryId).getState());
        assertEquals(2, recipients(entryId).size());

        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> cleanup.process(entryId));
        assertEquals(List.of(entryId), jms.queueManager);
        assertEquals(QueueState.INCOMING, entry(entryId).getState());

        container.inTransaction(() -> queueManager.process(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        assertEquals(1, jms.localDelivery.size());
        assertEquals(QueueState.ACTIVE, entry(entryId).getState());

        long[] delivery = jms.localDelivery.get(0);
        container.inTransaction(() -> localDelivery.deliver(delivery[0], delivery[1]));
        container.inTransaction(() -> localDelivery.deliver(delivery[0], delivery[1]));
        assertEquals(QueueState.DONE, entry(entryId).getState());
        Map<String, RecipientState> states = new java.util.HashMap<>();
        recipients(entryId).forEach(r -> states.put(r.getAddress(), r.getState()));
        assertEquals(
                Map.of("alice@merpati.test", RecipientState.DELIVERED, "nobody@merpati.test", RecipientState.BOUNCED),
                states);

        List<MessageSummary> inbox = container.inTransaction(() -> queries.listFolder(alice.id(), "inbox"));
        assertEquals(1, inbox.size());
        MessageSummary summary = inbox.get(0);
        assertEquals("Budi <budi@example.org>", summary.from());
        assertEquals("Halo", summary.subject());
        assertEquals(Instant.parse("2025-03-04T05:06:07Z"), summary.date()); // the added Date header
        assertFalse(summary.seen());

        List<MaildropMessage> pop = container.inTransaction(() -> maildrop.list(alice.id()));
        assertEquals(1, pop.size());
        assertEquals(summary.size(), pop.get(0).size());
        byte[] whole = container.inTransaction(() -> maildrop.read(alice.id(), summary.messageId(), 0, 1 << 20));
        assertEquals(pop.get(0).size(), whole.length);
        String text = new String(whole, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Received: from client.example.org ([192.0.2.7])\r\n"), text);
        assertTrue(text.contains("\r\nMessage-ID: <"), text);
        assertTrue(text.endsWith(content), text);

        assertThrows(
                IllegalArgumentException.class,
                () -> container.inTransaction(() -> maildrop.read(alice.id() + 1, summary.messageId(), 0, 10)));
        assertEquals(
                0, (int) container.inTransaction(() -> maildrop.delete(alice.id() + 1, List.of(summary.messageId()))));
        assertEquals(1, (int) container.inTransaction(() -> maildrop.delete(alice.id(), List.of(summary.messageId()))));
        assertEquals(0, (int) container.inTransaction(() -> maildrop.delete(alice.id(), List.of(summary.messageId()))));
        assertTrue(container
                .inTransaction(() -> queries.listFolder(alice.id(), "INBOX"))
                .isEmpty());
    }

    @Test
    void remoteRecipientsWaitDeferred() {
        container.inTransaction(() -> intake.receive(mail("Subject: x\r\n\r\n", "someone@example.org")));
        long entryId = jms.cleanup.get(jms.cleanup.size() - 1);
        container.inTransaction(() -> cleanup.process(entryId));
        container.inTransaction(() -> queueManager.process(entryId));
        assertEquals(QueueState.ACTIVE, entry(entryId).getState());
        assertEquals(RecipientState.DEFERRED, recipients(entryId).get(0).getState());
    }

    @Test
    void uidsAndListingsFollowArrivalOrder() {
        AccountRef carol = container.inTransaction(() -> accounts.createAccount("carol@merpati.test", "c"));
        for (int i = 1; i <= 3; i++) {
            String subject = "n" + i;
            container.inTransaction(
                    () -> intake.receive(mail("Subject: " + subject + "\r\n\r\n", "carol@merpati.test")));
            long entryId = jms.cleanup.get(jms.cleanup.size() - 1);
            container.inTransaction(() -> cleanup.process(entryId));
            container.inTransaction(() -> queueManager.process(entryId));
            long[] d = jms.localDelivery.get(jms.localDelivery.size() - 1);
            container.inTransaction(() -> localDelivery.deliver(d[0], d[1]));
        }
        List<MessageSummary> list = container.inTransaction(() -> queries.listFolder(carol.id(), "INBOX"));
        assertEquals(
                List.of("n3", "n2", "n1"),
                list.stream().map(MessageSummary::subject).toList());
        assertEquals(List.of(3L, 2L, 1L), list.stream().map(MessageSummary::uid).toList());
        List<MaildropMessage> pop = container.inTransaction(() -> maildrop.list(carol.id()));
        assertTrue(pop.get(0).uniqueId().endsWith(".1"));
        assertTrue(container
                .inTransaction(() -> queries.listFolder(carol.id(), "Sent"))
                .isEmpty());
        assertTrue(container
                .inTransaction(() -> queries.listFolder(carol.id(), "NoSuchFolder"))
                .isEmpty());
    }
}
