package dev.merpati.bounce;

import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.RecipientState;
import dev.merpati.rewrite.TrivialRewrite;
import dev.merpati.settings.MailSettings;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Postfix's bounce daemon: tells the sender about the entry's bounced recipients with one DSN,
 * queued as a new entry with the null sender, to the sender and (a copy) to postmaster. A failed
 * message with the null sender is reported to postmaster only; a failed DSN of our own is only
 * logged, so bounces never loop.
 */
@ApplicationScoped
public class Bounces {

    private static final Logger LOG = Logger.getLogger(Bounces.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    BodyStore bodies;

    @Inject
    PipelineMessages pipeline;

    @Inject
    TrivialRewrite rewrite;

    @Inject
    MailSettings settings;

    /** Call with the entry locked, after recipients changed state. */
    public void notifySender(QueueEntry entry) {
        List<QueueRecipient> all = queue.recipients(entry.getId());
        List<QueueRecipient> failed = all.stream()
                .filter(r -> r.getState() == RecipientState.BOUNCED && !r.isNotified())
                .toList();
        if (failed.isEmpty()) {
            return;
        }
        failed.forEach(QueueRecipient::notified);
        if (entry.isDsn()) {
            LOG.warning(() -> entry.getQueueId() + ": undeliverable delivery status notification discarded: "
                    + failed.stream()
                            .map(r -> r.getAddress() + " (" + r.getLastError() + ")")
                            .toList());
            return;
        }
        Map<Long, String> addresses =
                all.stream().collect(Collectors.toMap(QueueRecipient::getId, QueueRecipient::getAddress));
        List<DsnMessage.Failure> failures = new ArrayList<>();
        for (QueueRecipient r : failed) {
            String original = r.getParentId() == null ? null : addresses.get(r.getParentId());
            failures.add(new DsnMessage.Failure(r.getAddress(), original, r.getLastError()));
        }
        String postmaster = rewrite.canonical("postmaster");
        String sender = entry.getReversePath();
        List<String> to = sender.isEmpty() ? List.of(postmaster) : List.of(sender, postmaster);
        Instant now = Instant.now();
        byte[] headers = bodies.read(entry.getBodyId(), 0, BodyChunks.CHUNK_SIZE);
        byte[] dsn = new DsnMessage(settings.hostname(), ZoneId.systemDefault())
                .build(
                        new DsnMessage.Original(entry.getQueueId(), sender, entry.getReceivedAt(), headers),
                        failures,
                        sender,
                        now,
                        HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        var body = bodies.store(new ByteArrayInputStream(dsn), now);
        QueueEntry report = new QueueEntry(body.id(), "", "127.0.0.1", settings.hostname(), "LOCAL", null, now);
        report.markDsn();
        queue.enqueue(report, to);
        pipeline.toCleanup(report.getId());
        LOG.info(() -> entry.getQueueId() + ": sender non-delivery notification: " + report.getQueueId() + " to " + to);
    }
}
