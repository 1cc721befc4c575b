package dev.merpati.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void hashIsSelfDescribingAndVerifies() {
        String stored = hasher.hash("alice-secret");
        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2-SHA256", parts[0]);
        assertEquals("1000", parts[1]);
        assertTrue(hasher.verify("alice-secret", stored));
        assertFalse(hasher.verify("alice-secreT", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void saltMakesEveryHashDifferent() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void nonAsciiPasswordsWork() {
        String stored = hasher.hash("kata sandi rahasia ✓ é");
        assertTrue(hasher.verify("kata sandi rahasia ✓ é", stored));
    }

    @Test
    void hashesOfOtherIterationCountsStillVerify() {
        String old = new PasswordHasher(500).hash("pw");
        assertTrue(hasher.verify("pw", old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("pw")));
    }

    @Test
    void malformedStoredValuesNeverVerify() {
        assertFalse(hasher.verify("pw", "plain"));
        assertFalse(hasher.verify("pw", "PBKDF2-SHA256$x$AAAA$AAAA"));
        assertFalse(hasher.verify("pw", "PBKDF2-SHA256$1000$!!$AAAA"));
        assertFalse(hasher.verify("pw", "MD5$1000$AAAA$AAAA"));
        assertFalse(hasher.verify(null, hasher.hash("pw")));
    }

    @Test
    void defaultIterationCountIsTheDocumentedOne() {
        assertTrue(new PasswordHasher().hash("pw").startsWith("PBKDF2-SHA256$" + PasswordHasher.ITERATIONS + "$"));
    }
}
