package dev.merpati.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpsRedirectTest {

    private static final Networks LOOPBACK = Networks.parse("127.0.0.0/8, ::1/128");

    @Test
    void plainHttpFromAnotherMachineGoesToHttps() {
        assertEquals(
                Optional.of("https://mail.example.org:8181/login.xhtml?x=1"),
                HttpsRedirect.target(false, "192.0.2.7", LOOPBACK, 8181, "mail.example.org", "/login.xhtml?x=1"));
        assertEquals(
                Optional.of("https://mail.example.org/admin/api/queue"),
                HttpsRedirect.target(false, "2001:db8::7", LOOPBACK, 443, "mail.example.org", "/admin/api/queue"));
        assertEquals(
                Optional.of("https://[2001:db8::1]:8181/"),
                HttpsRedirect.target(false, "2001:db8::7", LOOPBACK, 8181, "2001:db8::1", "/"));
        assertTrue(HttpsRedirect.target(false, "127.0.0.2", Networks.parse("127.0.0.1/32"), 8181, "h", "/")
                .isPresent());
    }

    @Test
    void httpsThePlainTextNetworksAndATurnedOffRedirectStayAsTheyAre() {
        assertEquals(Optional.empty(), HttpsRedirect.target(true, "192.0.2.7", LOOPBACK, 8181, "h", "/"));
        assertEquals(Optional.empty(), HttpsRedirect.target(false, "127.0.0.1", LOOPBACK, 8181, "h", "/"));
        assertEquals(Optional.empty(), HttpsRedirect.target(false, "::1", LOOPBACK, 8181, "h", "/"));
        assertEquals(Optional.empty(), HttpsRedirect.target(false, "192.0.2.7", LOOPBACK, 0, "h", "/"));
    }

    @Test
    void networksMatchByPrefix() {
        Networks networks = Networks.parse("192.0.2.0/25, 2001:db8::/32 198.51.100.7");
        assertTrue(networks.contains("192.0.2.127"));
        assertFalse(networks.contains("192.0.2.128"));
        assertTrue(networks.contains("2001:db8:ffff::1"));
        assertFalse(networks.contains("2001:db9::1"));
        assertTrue(networks.contains("198.51.100.7"));
        assertFalse(networks.contains("198.51.100.8"));
        assertFalse(networks.contains("mail.example.org"));
        assertFalse(Networks.parse("").contains("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Networks.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Networks.parse("example.org"));
    }
}
