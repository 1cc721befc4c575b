package dev.merpati;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.merpati.account.AccountRepository;
import dev.merpati.connector.api.DsnRequest;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientDsn;
import dev.merpati.inbound.MailIntake;
import dev.merpati.pipeline.Cleanup;
import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.settings.MailSettings;
import dev.merpati.store.BodyStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMTP envelope's DSN parameters (RFC 3461) are stored with the queue entry for the bounce stage. */
class DsnIntakeTest {

    private static TestContainer container;
    private static MailIntake intake;
    private static QueueRepository queue;
    private static final List<Long> queued = new java.util.ArrayList<>();

    @BeforeAll
    static void start() {
        container = new TestContainer("dsn-intake");
        container.add(new PipelineMessages() {
            @Override
            public void toQueueManager(long entryId) {
                queued.add(entryId);
            }
        });
        container.add(MailSettings.of(Map.of(MailSettings.HOSTNAME, "mail.merpati.test")));
        container.add(new Cleanup());
        container.add(new AccountRepository());
        container.add(new BodyStore());
        queue = container.add(new QueueRepository());
        intake = container.add(new MailIntake());
        container.wire();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void retEnvidNotifyAndOrcptAreKept() {
        byte[] bytes = "Subject: dsn\r\n\r\nbody\r\n".getBytes();
        MessageContent content = new MessageContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
        var mail = new ReceivedMail(
                "sender@example.org",
                List.of("a@merpati.test", "B@merpati.test"),
                content,
                "192.0.2.7",
                "client.example.org",
                "ESMTP",
                null,
                Instant.parse("2025-03-04T05:06:07Z"),
                new DsnRequest("HDRS", "QQ+2B314159"),
                Map.of("B@merpati.test", new RecipientDsn("SUCCESS,FAILURE", "rfc822;b@merpati.test")));
        container.inTransaction(() -> intake.receive(mail));
        long entryId = queued.get(queued.size() - 1);

        QueueEntry entry = container.inTransaction(() -> queue.lock(entryId).orElseThrow());
        assertEquals("HDRS", entry.getDsnRet());
        assertEquals("QQ+2B314159", entry.getDsnEnvelopeId());
        List<QueueRecipient> recipients = container.inTransaction(() -> queue.recipients(entry.getId()));
        assertNull(recipients.get(0).getDsnNotify());
        assertNull(recipients.get(0).getDsnOriginalRecipient());
        assertEquals("SUCCESS,FAILURE", recipients.get(1).getDsnNotify());
        assertEquals("rfc822;b@merpati.test", recipients.get(1).getDsnOriginalRecipient());
    }
}
