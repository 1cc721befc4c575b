package dev.merpati.pipeline;

import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.settings.MailSettings;
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

    /** More Received and Delivered-To fields than this is a mail loop (Postfix's hopcount_limit). */
    static final int MAX_HOPS = 50;

    @Inject
    QueueRepository queue;

    @Inject
    BodyStore bodies;

    @Inject
    PipelineMessages pipeline;

    @Inject
    MailSettings settings;

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
        // A Received header the SMTP intake already wrote (it alone knew the TLS) stays first.
        byte[] received = bodies.prefix(entry.getBodyId());
        // The first chunk holds any sane header section; a longer one is over the limit anyway.
        long size = bodies.size(entry.getBodyId()) - received.length;
        byte[] head = bodies.read(entry.getBodyId(), received.length, BodyChunks.CHUNK_SIZE);
        HeaderSection headers = HeaderSection.parse(head, head.length == size);
        String failure = check(headers, settings.headerSizeLimit());
        if (failure != null) {
            bounceAll(entryId, failure);
        } else {
            byte[] withoutBcc = headers.without("Bcc");
            if (withoutBcc != null) { // Bcc recipients stay secret (RFC 5322 §3.6.3)
                bodies.replaceStart(entry.getBodyId(), headers.size(), withoutBcc);
                head = bodies.read(entry.getBodyId(), received.length, BodyChunks.CHUNK_SIZE);
            }
        }
        List<String> recipients = queue.recipients(entryId).stream()
                .map(QueueRecipient::getAddress)
                .toList();
        var trace = new MissingHeaders.Trace(
                entry.getClientHelo(),
                entry.getClientAddress(),
                entry.getProtocol(),
                entry.getQueueId(),
                recipients,
                entry.getReceivedAt(),
                null,
                entry.getAuthenticatedUser());
        String random = HexFormat.of()
                .withUpperCase()
                .toHexDigits(ThreadLocalRandom.current().nextLong());
        var missing = new MissingHeaders(settings.hostname(), ZoneId.systemDefault());
        String block = received.length > 0
                ? new String(received, StandardCharsets.US_ASCII) + missing.completion(head, trace, random)
                : missing.block(head, trace, random);
        if (entry.getAuthenticatedUser() != null && !headers.has("From")) {
            block += "From: " + submitter(entry) + "\r\n"; // submission (RFC 6409 §8.1)
        }
        bodies.setPrefix(entry.getBodyId(), block.getBytes(StandardCharsets.US_ASCII));
        entry.setState(QueueState.INCOMING);
        pipeline.toQueueManager(entryId);
        LOG.fine(() -> entry.getQueueId() + ": cleaned up");
    }

    /** Why the message cannot go on, or null. */
    static String check(HeaderSection headers, int headerSizeLimit) {
        if (!headers.complete() || headers.size() > headerSizeLimit) {
            return "5.3.4 message header size exceeds limit";
        }
        if (headers.count("Received", "Delivered-To") > MAX_HOPS) {
            return "5.4.6 mail loop detected";
        }
        return null;
    }

    private void bounceAll(long entryId, String reason) {
        for (QueueRecipient r : queue.recipients(entryId)) {
            if (r.getState().unfinished()) {
                r.bounced(reason);
            }
        }
    }

    /** The envelope sender, or else the authenticated user, as a mailbox for the From header. */
    private static String submitter(QueueEntry entry) {
        String address = entry.getReversePath().isBlank() ? entry.getAuthenticatedUser() : entry.getReversePath();
        return "<" + MissingHeaders.token(address, "unknown").replace('<', '?').replace('>', '?') + ">";
    }
}
