package dev.merpati.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthCacheTest {

    private static final AccountRef ALICE = new AccountRef(1, "alice@merpati.test");
    private static final AccountRef BOB = new AccountRef(2, "bob@merpati.test");

    private final AtomicLong now = new AtomicLong(1_000);
    private final AuthCache cache = cache(100);

    private AuthCache cache(int size) {
        return new AuthCache(Duration.ofSeconds(60), Duration.ofSeconds(5), size, now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void rememberedSuccessAnswersOnlyForTheSamePassword() {
        cache.store("alice@merpati.test", "alice-secret", Optional.of(ALICE));
        assertEquals(
                Optional.of(ALICE),
                cache.lookup("alice@merpati.test", "alice-secret").orElseThrow().account());
        assertTrue(cache.lookup("alice@merpati.test", "alice-secreT").isEmpty());
        assertTrue(cache.lookup("bob@merpati.test", "alice-secret").isEmpty());
        assertTrue(cache.lookup("alice", "alice-secret").isEmpty(), "another spelling of the login is checked again");
    }

    @Test
    void rememberedFailureAnswersEmptyAccount() {
        cache.store("alice@merpati.test", "guess", Optional.empty());
        Optional<AuthCache.Result> hit = cache.lookup("alice@merpati.test", "guess");
        assertTrue(hit.isPresent());
        assertTrue(hit.get().account().isEmpty());
    }

    @Test
    void successesAndFailuresExpireAfterTheirOwnTtl() {
        cache.store("alice@merpati.test", "alice-secret", Optional.of(ALICE));
        cache.store("alice@merpati.test", "guess", Optional.empty());
        advance(Duration.ofSeconds(4));
        assertTrue(cache.lookup("alice@merpati.test", "guess").isPresent());
        advance(Duration.ofSeconds(1));
        assertTrue(cache.lookup("alice@merpati.test", "guess").isEmpty(), "negative TTL is 5 s");
        assertTrue(cache.lookup("alice@merpati.test", "alice-secret").isPresent());
        advance(Duration.ofSeconds(55));
        assertTrue(cache.lookup("alice@merpati.test", "alice-secret").isEmpty(), "positive TTL is 60 s");
        assertEquals(0, cache.size(), "expired entries are dropped when met");
    }

    @Test
    void passwordChangeForgetsTheAccountsSuccessesAndAllFailures() {
        cache.store("alice@merpati.test", "old", Optional.of(ALICE));
        cache.store("alice", "old", Optional.of(ALICE));
        cache.store("alice@merpati.test", "new", Optional.empty());
        cache.store("bob@merpati.test", "bob-secret", Optional.of(BOB));
        cache.passwordChanged(ALICE.id());
        assertTrue(cache.lookup("alice@merpati.test", "old").isEmpty());
        assertTrue(cache.lookup("alice", "old").isEmpty());
        assertTrue(cache.lookup("alice@merpati.test", "new").isEmpty(), "the new password failed before");
        assertTrue(cache.lookup("bob@merpati.test", "bob-secret").isPresent(), "other accounts stay");
    }

    @Test
    void aNewAccountForgetsFailures() {
        cache.store("carol@merpati.test", "carol-secret", Optional.empty());
        cache.store("bob@merpati.test", "bob-secret", Optional.of(BOB));
        cache.accountCreated();
        assertTrue(cache.lookup("carol@merpati.test", "carol-secret").isEmpty());
        assertTrue(cache.lookup("bob@merpati.test", "bob-secret").isPresent());
    }

    @Test
    void sizeIsBoundedLeastRecentlyUsedFirst() {
        AuthCache small = cache(2);
        small.store("a", "p", Optional.of(ALICE));
        small.store("b", "p", Optional.of(BOB));
        small.lookup("a", "p");
        small.store("c", "p", Optional.empty());
        assertEquals(2, small.size());
        assertTrue(small.lookup("a", "p").isPresent());
        assertTrue(small.lookup("b", "p").isEmpty(), "b was least recently used");
        assertTrue(small.lookup("c", "p").isPresent());
    }

    @Test
    void zeroSizeOrZeroTtlTurnsCachingOff() {
        AuthCache off = cache(0);
        off.store("a", "p", Optional.of(ALICE));
        assertFalse(off.enabled());
        assertTrue(off.lookup("a", "p").isEmpty());
        AuthCache noNegative = new AuthCache(Duration.ofSeconds(60), Duration.ZERO, 10, now::get);
        noNegative.store("a", "wrong", Optional.empty());
        assertTrue(noNegative.lookup("a", "wrong").isEmpty());
    }

    @Test
    void keyHoldsNoPasswordInClear() throws Exception {
        cache.store("alice@merpati.test", "alice-secret", Optional.of(ALICE));
        var field = AuthCache.class.getDeclaredField("entries");
        field.setAccessible(true);
        String keys = ((java.util.Map<?, ?>) field.get(cache)).keySet().toString();
        assertFalse(keys.contains("alice-secret"), keys);
    }
}
