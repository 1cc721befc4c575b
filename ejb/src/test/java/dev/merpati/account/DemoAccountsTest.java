package dev.merpati.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void parsesAddressPasswordPairs() {
        assertEquals(
                Map.of("alice@merpati.test", "alice-secret", "bob@merpati.test", "b:o:b"),
                DemoAccounts.parse("alice@merpati.test:alice-secret, bob@merpati.test:b:o:b,broken,,"));
        assertEquals(Map.of(), DemoAccounts.parse(""));
    }
}
