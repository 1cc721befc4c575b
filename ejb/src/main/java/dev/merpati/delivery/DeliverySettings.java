package dev.merpati.delivery;

import dev.merpati.pipeline.QueueSettings;
import java.time.Duration;

/**
 * Remote delivery's limits, from system properties: {@value #SESSION_LIMIT_PROPERTY} (default 100,
 * like Postfix's default_process_limit: SMTP client sessions at once, over all destinations; keep
 * the {@code eis/merpati/smtp} connection pool at least this big) and {@value
 * #DESTINATION_LIMIT_PROPERTY} (default 20, Postfix's default_destination_concurrency_limit:
 * sessions at once to one destination domain; more mail for it waits its turn in memory).
 */
public final class DeliverySettings {

    static final String SESSION_LIMIT_PROPERTY = "merpati.smtp.sessionLimit";
    static final String DESTINATION_LIMIT_PROPERTY = "merpati.smtp.destinationConcurrencyLimit";

    private DeliverySettings() {}

    public static int sessionLimit() {
        return positive(SESSION_LIMIT_PROPERTY, 100);
    }

    public static int destinationConcurrencyLimit() {
        return positive(DESTINATION_LIMIT_PROPERTY, 20);
    }

    /**
     * How long a destination that could not be reached at all is left alone: its other mail is
     * deferred at once instead of waiting for its own timeout (Postfix's "delivery temporarily
     * suspended"). Half the retry interval, at most 5 minutes (Postfix's minimal_backoff_time).
     */
    public static Duration suspension() {
        Duration half = QueueSettings.retryInterval().dividedBy(2);
        return half.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : half;
    }

    static int positive(String property, int fallback) {
        String value = System.getProperty(property);
        try {
            int n = value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
