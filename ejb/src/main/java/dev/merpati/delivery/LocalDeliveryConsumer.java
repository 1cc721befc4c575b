package dev.merpati.delivery;

import dev.merpati.pipeline.DeliveryCount;
import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.PipelineMessages.DeliveryRequest;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import java.util.logging.Logger;

/** Takes (entry, recipient) pairs from {@code jms/localDelivery} to local delivery. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/localDelivery"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class LocalDeliveryConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(LocalDeliveryConsumer.class.getName());

    @Inject
    LocalDelivery localDelivery;

    @Inject
    LocalDeliveryFailures failures;

    @Override
    public void onMessage(Message message) {
        Optional<DeliveryRequest> request = PipelineMessages.deliveryRequest(message);
        if (request.isEmpty()) {
            LOG.severe(() -> "Dropping malformed local delivery message " + message);
            return;
        }
        DeliveryRequest r = request.get();
        if (DeliveryCount.exhausted(message)) {
            failures.giveUp(r.entryId(), r.recipientId());
            return;
        }
        localDelivery.deliver(r.entryId(), r.recipientId());
    }
}
