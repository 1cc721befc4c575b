package dev.merpati.pipeline;

import java.time.Duration;

/**
 * The queue manager's schedule, from system properties (seconds): {@value #RETRY_PROPERTY}
 * (default 900, Postfix's 15 minutes between attempts) and {@value #LIFETIME_PROPERTY} (default
 * 432000, Postfix's maximal_queue_lifetime of 5 days).
 */
public final class QueueSettings {

    static final String RETRY_PROPERTY = "merpati.queue.retrySeconds";
    static final String LIFETIME_PROPERTY = "merpati.queue.lifetimeSeconds";

    private QueueSettings() {}

    public static Duration retryInterval() {
        return seconds(RETRY_PROPERTY, 900);
    }

    public static Duration maxLifetime() {
        return seconds(LIFETIME_PROPERTY, 432_000);
    }

    public static Duration seconds(String property, long fallback) {
        String value = System.getProperty(property);
        try {
            long s = value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
            return Duration.ofSeconds(s > 0 ? s : fallback);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(fallback);
        }
    }
}
