package dev.merpati.delivery;

import dev.merpati.pipeline.DeliveryCount;
import dev.merpati.pipeline.QueueManager;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.RecipientState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Records a recipient whose remote delivery kept failing as DEFERRED, for a later retry. */
@ApplicationScoped
public class RemoteDeliveryFailures {

    private static final Logger LOG = Logger.getLogger(RemoteDeliveryFailures.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    QueueManager queueManager;

    public void giveUp(long entryId, long recipientId) {
        queue.lock(entryId).ifPresent(entry -> queue.recipient(recipientId)
                .filter(r -> r.getEntryId() == entryId && r.getState() == RecipientState.PENDING)
                .ifPresent(r -> {
                    r.deferred("4.3.0 remote delivery failed " + DeliveryCount.GIVE_UP_AFTER + " times");
                    LOG.severe(() -> entry.getQueueId() + ": deferred " + r.getAddress() + " after repeated failures");
                    queueManager.scheduleRetry(entry);
                }));
    }
}
