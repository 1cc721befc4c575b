package dev.merpati.delivery;

import dev.merpati.connector.api.SmtpDeliveryResult;
import java.util.List;

/**
 * What one attempt to deliver a {@link RemoteBatch} came to: one result per recipient, in the
 * batch's order, and who decided it. Only a destination that did not answer is suspended; a fault
 * of this server's own defers the mail at hand alone, for a short while.
 */
public record RemoteAttempt(List<SmtpDeliveryResult> results, Outcome outcome) {

    public enum Outcome {
        /** A server of the destination replied: its replies decide (and it is reachable). */
        REPLIED,
        /** No server to try: the DNS said the destination takes no mail, or cannot tell now. */
        NO_ROUTE,
        /** No server of the destination could be connected to or sent a greeting. */
        UNREACHABLE,
        /** Not tried: the destination is suspended after it could not be reached. */
        SUSPENDED,
        /**
         * Not tried, through a fault of this server's own (no SMTP client resource, the connector
         * unavailable, a bad setting, an error of ours before a connection was attempted).
         */
        LOCAL_FAULT
    }

    public RemoteAttempt {
        results = List.copyOf(results);
    }

    /** The same temporary failure (code 0) for every recipient of the batch. */
    static RemoteAttempt deferAll(RemoteBatch batch, String text, Outcome outcome) {
        return new RemoteAttempt(
                batch.addresses().stream()
                        .map(a -> new SmtpDeliveryResult(a, 0, text))
                        .toList(),
                outcome);
    }

    /** Whether this server itself kept the mail from being tried: it is retried soon. */
    public boolean localFault() {
        return outcome == Outcome.LOCAL_FAULT;
    }
}
