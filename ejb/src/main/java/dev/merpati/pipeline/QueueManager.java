package dev.merpati.pipeline;

import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import dev.merpati.queue.RecipientState;
import dev.merpati.rewrite.Resolution;
import dev.merpati.rewrite.TrivialRewrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Postfix's queue manager: takes an INCOMING entry, resolves each recipient and hands it to its
 * delivery agent. Failures are recorded on the recipient, never thrown.
 */
@ApplicationScoped
public class QueueManager {

    static final String NO_REMOTE_DELIVERY = "4.4.0 remote delivery not yet available";
    private static final Logger LOG = Logger.getLogger(QueueManager.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    TrivialRewrite rewrite;

    @Inject
    PipelineMessages pipeline;

    public void process(long entryId) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        if (locked.isEmpty()) {
            LOG.warning(() -> "qmgr: no queue entry " + entryId);
            return;
        }
        QueueEntry entry = locked.get();
        if (entry.getState() != QueueState.INCOMING) {
            return; // a redelivered message: already dispatched
        }
        for (QueueRecipient recipient : queue.recipients(entryId)) {
            if (recipient.getState() != RecipientState.PENDING) {
                continue;
            }
            Resolution resolution = rewrite.resolve(recipient.getAddress());
            if (resolution instanceof Resolution.Local) {
                pipeline.toLocalDelivery(entryId, recipient.getId());
            } else if (resolution instanceof Resolution.Remote) {
                recipient.deferred(NO_REMOTE_DELIVERY);
            } else if (resolution instanceof Resolution.Error error) {
                recipient.bounced("5.1.1 " + error.reason());
            }
        }
        entry.setState(QueueState.ACTIVE);
        queue.completeIfFinished(entry);
    }
}
