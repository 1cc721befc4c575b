package dev.merpati.account;

import jakarta.enterprise.context.ApplicationScoped;
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

    public AuthCache cache() {
        return cache;
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
