package dev.merpati.mailbox.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UidlTest {

    @Test
    void sameMessageAlwaysHasTheSameUidl() {
        assertEquals("1741064767.42", Uidl.of(1741064767L, 42));
        assertEquals(Uidl.of(1741064767L, 42), Uidl.of(1741064767L, 42));
    }

    @Test
    void uidlsAreUniqueAndValidPop3UniqueIds() {
        Set<String> seen = new HashSet<>();
        for (long validity : new long[] {1, 11, 4294967295L}) {
            for (long uid = 1; uid <= 200; uid++) {
                String uidl = Uidl.of(validity, uid);
                assertTrue(seen.add(uidl), uidl);
                assertTrue(uidl.length() <= 70 && uidl.chars().allMatch(c -> c >= 0x21 && c <= 0x7e));
            }
        }
        // "1.11" and "11.1" must not collide: the dot separates them.
        assertNotEquals(Uidl.of(1, 11), Uidl.of(11, 1));
    }
}
