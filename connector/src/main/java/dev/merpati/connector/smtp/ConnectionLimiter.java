package dev.merpati.connector.smtp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open SMTP connections overall and per client address, shared by all SMTP listeners
 * (Postfix's process limit and smtpd_client_connection_count_limit).
 */
public final class ConnectionLimiter {

    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 50;

    private final int maxConnections;
    private final int maxPerClient;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

    /** @param maxConnections ≤ 0: no limit; @param maxPerClient ≤ 0: no limit */
    public ConnectionLimiter(int maxConnections, int maxPerClient) {
        this.maxConnections = maxConnections;
        this.maxPerClient = maxPerClient;
    }

    public static ConnectionLimiter unlimited() {
        return new ConnectionLimiter(0, 0);
    }

    /**
     * Counts a new connection. Every call must be paired with one {@link #release}, whether or not
     * it was admitted.
     *
     * @return whether the connection is within the limits
     */
    public boolean acquire(String client) {
        int all = total.incrementAndGet();
        int mine = perClient.merge(client, 1, Integer::sum);
        return (maxConnections <= 0 || all <= maxConnections) && (maxPerClient <= 0 || mine <= maxPerClient);
    }

    public void release(String client) {
        total.decrementAndGet();
        perClient.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
    }

    public int open() {
        return total.get();
    }
}
