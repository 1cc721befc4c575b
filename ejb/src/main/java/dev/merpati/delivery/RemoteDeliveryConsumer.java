package dev.merpati.delivery;

import dev.merpati.pipeline.DeliveryCount;
import dev.merpati.queue.PipelineMessages;
import dev.merpati.queue.PipelineMessages.DeliveryRequest;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes (entry, recipient) pairs from {@code jms/smtpDelivery} to remote (SMTP) delivery: claims
 * the recipient with the others of its entry for the same destination in a short transaction of
 * its own and hands them to the {@link DestinationScheduler}, so a consumer thread never waits on
 * the network. The message itself is not part of a transaction: if it is lost after this, the
 * recipients are still PENDING in the database and the sweeper sends them again.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/smtpDelivery"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RemoteDeliveryConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(RemoteDeliveryConsumer.class.getName());

    @Inject
    RemoteDeliveryLedger ledger;

    @Inject
    DestinationScheduler scheduler;

    @Inject
    RecipientsInFlight inFlight;

    @Override
    public void onMessage(Message message) {
        Optional<DeliveryRequest> request = PipelineMessages.deliveryRequest(message);
        if (request.isEmpty()) {
            LOG.severe(() -> "Dropping malformed SMTP delivery message " + message);
            return;
        }
        DeliveryRequest r = request.get();
        if (DeliveryCount.exhausted(message)) {
            ledger.giveUp(r.entryId(), r.recipientId());
            return;
        }
        Object claim = new Object();
        Optional<RemoteBatch> batch;
        try {
            batch = ledger.claim(r.entryId(), r.recipientId(), claim);
        } catch (RuntimeException e) {
            inFlight.release(claim); // the claim's transaction did not commit
            throw e;
        }
        if (batch.isPresent()) {
            try {
                scheduler.submit(batch.get(), claim);
            } catch (RuntimeException e) {
                inFlight.release(claim); // PENDING again for the redelivery or the sweeper
                throw e;
            }
        }
    }
}
