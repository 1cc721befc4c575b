package dev.merpati.delivery;

import dev.merpati.pipeline.DeliveryCount;
import dev.merpati.pipeline.PipelineMessages;
import dev.merpati.pipeline.PipelineMessages.DeliveryRequest;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import java.util.logging.Logger;

/** Takes (entry, recipient) pairs from {@code jms/smtpDelivery} to remote (SMTP) delivery. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/smtpDelivery"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class RemoteDeliveryConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(RemoteDeliveryConsumer.class.getName());

    @Inject
    RemoteDelivery remoteDelivery;

    @Inject
    RemoteDeliveryFailures failures;

    @Override
    public void onMessage(Message message) {
        Optional<DeliveryRequest> request = PipelineMessages.deliveryRequest(message);
        if (request.isEmpty()) {
            LOG.severe(() -> "Dropping malformed SMTP delivery message " + message);
            return;
        }
        DeliveryRequest r = request.get();
        if (DeliveryCount.exhausted(message)) {
            failures.giveUp(r.entryId(), r.recipientId());
            return;
        }
        remoteDelivery.deliver(r.entryId(), r.recipientId());
    }
}
