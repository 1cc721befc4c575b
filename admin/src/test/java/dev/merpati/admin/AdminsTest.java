package dev.merpati.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminsTest {

    @Test
    void addressesAreListedWithCommasInAnyCase() {
        assertEquals(Set.of("alice@merpati.test", "root@x.test"), Admins.parse(" Alice@Merpati.test, ,root@x.test"));
        assertEquals(Set.of(), Admins.parse(null));
    }
}
