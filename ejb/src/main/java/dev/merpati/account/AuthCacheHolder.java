package dev.merpati.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;

/**
 * The server's one {@link AuthCache}, sized from system properties: {@value #TTL_PROPERTY} (seconds a
 * successful login is remembered, default 3600 like Dovecot's auth_cache_ttl), {@value
 * #NEGATIVE_TTL_PROPERTY} (seconds a failed one is, default 60) and {@value #SIZE_PROPERTY} (entries,
 * default 10000). 0 turns the respective part off.
 */
@ApplicationScoped
public class AuthCacheHolder {

    static final String TTL_PROPERTY = "merpati.auth.cacheTtlSeconds";
    static final String NEGATIVE_TTL_PROPERTY = "merpati.auth.cacheNegativeTtlSeconds";
    static final String SIZE_PROPERTY = "merpati.auth.cacheSize";

    private final AuthCache cache = new AuthCache(
            Duration.ofSeconds(number(TTL_PROPERTY, 3600)), Duration.ofSeconds(number(NEGATIVE_TTL_PROPERTY, 60)), (int)
                    Math.min(Integer.MAX_VALUE, number(SIZE_PROPERTY, 10_000)));

    @Resource
    TransactionSynchronizationRegistry transactions;

    public AuthCache cache() {
        return cache;
    }

    /**
     * Forgets the account's remembered logins now and again once the transaction has ended: a login
     * checked against the old hash before the commit must not stay remembered either.
     */
    public void passwordChanged(long accountId) {
        cache.passwordChanged(accountId);
        afterTransaction(() -> cache.passwordChanged(accountId));
    }

    /** Forgets remembered failures once the transaction that creates an account has ended. */
    public void accountCreated() {
        afterTransaction(cache::accountCreated);
    }

    private void afterTransaction(Runnable action) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }

    static long number(String property, long fallback) {
        String value = System.getProperty(property);
        try {
            long n = value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
            return n >= 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
