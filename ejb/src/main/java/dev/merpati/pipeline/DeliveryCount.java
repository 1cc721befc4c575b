package dev.merpati.pipeline;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * How often a JMS message has been delivered. The consumers give up on a message after
 * {@link #GIVE_UP_AFTER} failed deliveries and record that in the database instead of letting it
 * reach the dead-letter queue: OpenMQ keeps dead-lettered messages that were sent in a JTA
 * transaction in their source queue and redelivers them after every restart (openmq#227).
 */
public final class DeliveryCount {

    /** Below the OpenMQ adapter's default of 6 endpoint redelivery attempts. */
    public static final int GIVE_UP_AFTER = 5;

    private DeliveryCount() {}

    /** True when earlier deliveries of this message already failed {@link #GIVE_UP_AFTER} times. */
    public static boolean exhausted(Message message) {
        return of(message) > GIVE_UP_AFTER;
    }

    static int of(Message message) {
        try {
            if (message.propertyExists("JMSXDeliveryCount")) {
                return message.getIntProperty("JMSXDeliveryCount");
            }
            return message.getJMSRedelivered() ? 2 : 1;
        } catch (JMSException | RuntimeException e) {
            return 1;
        }
    }
}
