package dev.merpati.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdminAuthenticationTest {

    private static String basic(String s) {
        return "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsAreSplitAtTheFirstColon() {
        assertArrayEquals(
                new String[] {"alice@merpati.test", "pa:ss"},
                AdminAuthentication.credentials(basic("alice@merpati.test:pa:ss"))
                        .orElseThrow());
        assertArrayEquals(
                new String[] {"a", ""},
                AdminAuthentication.credentials("basic " + basic("a:").substring(6))
                        .orElseThrow());
    }

    @Test
    void malformedHeadersAreNoCredentials() {
        assertTrue(AdminAuthentication.credentials(null).isEmpty());
        assertTrue(AdminAuthentication.credentials("Bearer x").isEmpty());
        assertTrue(AdminAuthentication.credentials("Basic ***").isEmpty());
        assertTrue(AdminAuthentication.credentials(basic("nocolon")).isEmpty());
        assertTrue(AdminAuthentication.credentials(basic(":pw")).isEmpty());
    }
}
