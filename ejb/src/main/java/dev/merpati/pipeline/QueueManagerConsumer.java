package dev.merpati.pipeline;

import dev.merpati.queue.PipelineMessages;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.OptionalLong;
import java.util.logging.Logger;

/** Takes entry ids from {@code jms/incoming} to the queue manager. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/incoming"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class QueueManagerConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(QueueManagerConsumer.class.getName());

    @Inject
    QueueManager queueManager;

    @Inject
    QueueHolds holds;

    @Override
    public void onMessage(Message message) {
        OptionalLong entryId = PipelineMessages.entryId(message);
        if (entryId.isEmpty()) {
            LOG.severe(() -> "Dropping malformed incoming message " + message);
            return;
        }
        if (DeliveryCount.exhausted(message)) {
            holds.hold(entryId.getAsLong(), "queue manager");
            return;
        }
        queueManager.process(entryId.getAsLong());
    }
}
