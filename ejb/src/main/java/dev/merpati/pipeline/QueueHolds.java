package dev.merpati.pipeline;

import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.QueueState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Sets an entry aside (Postfix's hold queue) when a stage keeps failing on it. */
@ApplicationScoped
public class QueueHolds {

    private static final Logger LOG = Logger.getLogger(QueueHolds.class.getName());

    @Inject
    QueueRepository queue;

    public void hold(long entryId, String stage) {
        queue.lock(entryId).ifPresent(entry -> {
            if (entry.getState() != QueueState.DONE && entry.getState() != QueueState.HELD) {
                String reason = stage + " failed " + DeliveryCount.GIVE_UP_AFTER + " times; see the server log";
                entry.hold(reason);
                LOG.severe(() -> entry.getQueueId() + ": held: " + reason);
            }
        });
    }
}
