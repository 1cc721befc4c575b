package dev.merpati.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers recent login results, like Dovecot's auth_cache, so a client that logs in on every poll
 * costs one PBKDF2 derivation per TTL instead of one per login.
 *
 * <p>An entry is keyed by the login (as typed) and an HMAC-SHA256 of the password under
 * a random key made when the cache is; the password itself is never kept. Successes live {@code
 * positiveTtl}, failures {@code negativeTtl}; at most {@code maxEntries} are kept, the least recently
 * used going first. A password change forgets the account's successes and every failure (a password
 * that failed may be the new one); a new account forgets every failure.
 */
public final class AuthCache {

    /** What a cached login check said: the account, or empty for a failure. */
    public record Result(Optional<AccountRef> account) {}

    private record Entry(Optional<AccountRef> account, long expiresAtNanos) {}

    private final Duration positiveTtl;
    private final Duration negativeTtl;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries;

    public AuthCache(Duration positiveTtl, Duration negativeTtl, int maxEntries) {
        this(positiveTtl, negativeTtl, maxEntries, System::nanoTime);
    }

    AuthCache(Duration positiveTtl, Duration negativeTtl, int maxEntries, LongSupplier nanoClock) {
        this.positiveTtl = positiveTtl;
        this.negativeTtl = negativeTtl;
        this.maxEntries = Math.max(0, maxEntries);
        this.nanoClock = nanoClock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public boolean enabled() {
        return maxEntries > 0 && (!positiveTtl.isZero() || !negativeTtl.isZero());
    }

    /** The remembered result of this login and password, if it has not expired. */
    public Optional<Result> lookup(String login, String password) {
        if (!enabled()) {
            return Optional.empty();
        }
        String cacheKey = cacheKey(login, password);
        long now = nanoClock.getAsLong();
        synchronized (entries) {
            Entry entry = entries.get(cacheKey);
            if (entry == null) {
                return Optional.empty();
            }
            if (now - entry.expiresAtNanos() >= 0) {
                entries.remove(cacheKey);
                return Optional.empty();
            }
            return Optional.of(new Result(entry.account()));
        }
    }

    /** Remembers the result of a full check; {@code account} empty for a failure. */
    public void store(String login, String password, Optional<AccountRef> account) {
        Duration ttl = account.isPresent() ? positiveTtl : negativeTtl;
        if (!enabled() || ttl.isZero() || ttl.isNegative()) {
            return;
        }
        String cacheKey = cacheKey(login, password);
        long expires = nanoClock.getAsLong() + ttl.toNanos();
        synchronized (entries) {
            entries.put(cacheKey, new Entry(account, expires));
            Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
            while (entries.size() > maxEntries && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    /** After a password change: the account's successes and every failure go. */
    public void passwordChanged(long accountId) {
        synchronized (entries) {
            entries.values()
                    .removeIf(e -> e.account().isEmpty() || e.account().get().id() == accountId);
        }
    }

    /** After an account is created: earlier failures of its address are no longer true. */
    public void accountCreated() {
        synchronized (entries) {
            entries.values().removeIf(e -> e.account().isEmpty());
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private String cacheKey(String login, String password) {
        String user = login.strip();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return user + "\0" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
