package dev.merpati.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sends queue-entry ids between the pipeline stages. Sends happen in the caller's JTA transaction,
 * so a message leaves only if the database change that goes with it commits. It lives with the
 * queue of record, which its messages only point into, below every stage that sends them (intake,
 * cleanup, queue manager, delivery, bounce).
 */
@ApplicationScoped
public class PipelineMessages {

    static final String ENTRY_ID = "entryId";
    static final String RECIPIENT_ID = "recipientId";

    @Inject
    JMSContext jms;

    @Resource(lookup = "jms/maildrop")
    Queue maildrop;

    @Resource(lookup = "jms/incoming")
    Queue incoming;

    @Resource(lookup = "jms/localDelivery")
    Queue localDelivery;

    @Resource(lookup = "jms/deferred")
    Queue deferred;

    @Resource(lookup = "jms/smtpDelivery")
    Queue smtpDelivery;

    public void toCleanup(long entryId) {
        jms.createProducer().send(maildrop, Long.toString(entryId));
    }

    public void toQueueManager(long entryId) {
        jms.createProducer().send(incoming, Long.toString(entryId));
    }

    /** The entry id back to the queue manager after the delay (the deferred queue). */
    public void toDeferred(long entryId, java.time.Duration delay) {
        jms.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis())).send(deferred, Long.toString(entryId));
    }

    public void toLocalDelivery(long entryId, long recipientId) {
        jms.createProducer().send(localDelivery, Map.<String, Object>of(ENTRY_ID, entryId, RECIPIENT_ID, recipientId));
    }

    public void toSmtpDelivery(long entryId, long recipientId) {
        jms.createProducer().send(smtpDelivery, Map.<String, Object>of(ENTRY_ID, entryId, RECIPIENT_ID, recipientId));
    }

    /** The entry id of a message sent by {@link #toCleanup}, {@link #toQueueManager} or {@link #toDeferred}; empty if malformed. */
    public static OptionalLong entryId(Message message) {
        try {
            if (message instanceof TextMessage text && text.getText() != null) {
                return OptionalLong.of(Long.parseLong(text.getText().strip()));
            }
        } catch (JMSException | NumberFormatException e) {
            // malformed: the caller reports it
        }
        return OptionalLong.empty();
    }

    /** What a message sent by {@link #toLocalDelivery} or {@link #toSmtpDelivery} asks for; empty if malformed. */
    public static Optional<DeliveryRequest> deliveryRequest(Message message) {
        try {
            if (message instanceof MapMessage map && map.itemExists(ENTRY_ID) && map.itemExists(RECIPIENT_ID)) {
                return Optional.of(new DeliveryRequest(map.getLong(ENTRY_ID), map.getLong(RECIPIENT_ID)));
            }
        } catch (JMSException e) {
            // malformed: the caller reports it
        }
        return Optional.empty();
    }

    public record DeliveryRequest(long entryId, long recipientId) {}
}
