package dev.merpati.pipeline;

import dev.merpati.queue.PipelineMessages;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.OptionalLong;
import java.util.logging.Logger;

/** Takes entry ids from {@code jms/maildrop} to cleanup. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/maildrop"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class CleanupConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CleanupConsumer.class.getName());

    @Inject
    Cleanup cleanup;

    @Inject
    QueueHolds holds;

    @Override
    public void onMessage(Message message) {
        OptionalLong entryId = PipelineMessages.entryId(message);
        if (entryId.isEmpty()) {
            LOG.severe(() -> "Dropping malformed maildrop message " + message);
            return;
        }
        if (DeliveryCount.exhausted(message)) {
            holds.hold(entryId.getAsLong(), "cleanup");
            return;
        }
        cleanup.process(entryId.getAsLong());
    }
}
