package dev.merpati.pipeline;

import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/** Postfix's cleanup: completes the headers of a MAILDROP entry and passes it to the queue manager. */
@ApplicationScoped
public class Cleanup {

    private static final Logger LOG = Logger.getLogger(Cleanup.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    BodyStore bodies;

    @Inject
    PipelineMessages pipeline;

    public void process(long entryId) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        if (locked.isEmpty()) {
            LOG.warning(() -> "cleanup: no queue entry " + entryId);
            return;
        }
        QueueEntry entry = locked.get();
        if (entry.getState() != QueueState.MAILDROP) {
            return; // a redelivered message: already cleaned up
        }
        // The first chunk holds any sane header section; a longer one is parsed as far as it goes.
        byte[] head = bodies.read(entry.getBodyId(), 0, BodyChunks.CHUNK_SIZE);
        List<String> recipients = queue.recipients(entryId).stream()
                .map(QueueRecipient::getAddress)
                .toList();
        var trace = new MissingHeaders.Trace(
                entry.getClientHelo(),
                entry.getClientAddress(),
                entry.getProtocol(),
                entry.getQueueId(),
                recipients,
                entry.getReceivedAt());
        String random = HexFormat.of()
                .withUpperCase()
                .toHexDigits(ThreadLocalRandom.current().nextLong());
        String block = new MissingHeaders(MailHost.name(), ZoneId.systemDefault()).block(head, trace, random);
        bodies.setPrefix(entry.getBodyId(), block.getBytes(StandardCharsets.US_ASCII));
        entry.setState(QueueState.INCOMING);
        pipeline.toQueueManager(entryId);
        LOG.fine(() -> entry.getQueueId() + ": cleaned up");
    }
}
