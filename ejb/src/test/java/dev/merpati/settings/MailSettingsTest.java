package dev.merpati.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        MailSettings s = MailSettings.defaults();
        assertEquals(Duration.ofSeconds(900), s.retryInterval());
        assertEquals(Duration.ofDays(5), s.maxQueueLifetime());
        assertEquals(Duration.ofSeconds(60), s.sweepInterval());
        assertEquals(Duration.ofSeconds(120), s.sweepGrace());
        assertEquals(100, s.smtpSessionLimit());
        assertEquals(20, s.smtpDestinationConcurrencyLimit());
        assertTrue(s.relayHost().isEmpty());
        assertTrue(s.transportMap().isEmpty());
        assertEquals(102_400, s.headerSizeLimit());
        assertEquals(0, s.defaultQuotaBytes());
        assertEquals("+", s.recipientDelimiters());
        assertEquals(Duration.ofHours(1), s.authCacheTtl());
        assertEquals(Duration.ofMinutes(1), s.authCacheNegativeTtl());
        assertEquals(10_000, s.authCacheSize());
        assertEquals(Set.of(), s.admins());
        assertEquals(Map.of(), s.demoAccounts());
        assertFalse(s.hostname().isBlank());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void readsEveryProperty() {
        Map<String, String> p = new HashMap<>();
        p.put(MailSettings.HOSTNAME, " mail.merpati.test ");
        p.put(MailSettings.QUEUE_RETRY_SECONDS, "5");
        p.put(MailSettings.QUEUE_LIFETIME_SECONDS, " 25 ");
        p.put(MailSettings.QUEUE_SWEEP_SECONDS, "10");
        p.put(MailSettings.QUEUE_SWEEP_GRACE_SECONDS, "20");
        p.put(MailSettings.SMTP_SESSION_LIMIT, "8");
        p.put(MailSettings.SMTP_DESTINATION_CONCURRENCY_LIMIT, "2");
        p.put(MailSettings.RELAY_HOST, "[127.0.0.1]:30033");
        p.put(MailSettings.TRANSPORT_MAP, "remote.test=127.0.0.1:30030");
        p.put(MailSettings.HEADER_SIZE_LIMIT, "4096");
        p.put(MailSettings.QUOTA_DEFAULT_BYTES, "1073741824");
        p.put(MailSettings.RECIPIENT_DELIMITER, "+-");
        p.put(MailSettings.AUTH_CACHE_TTL_SECONDS, "0");
        p.put(MailSettings.AUTH_CACHE_NEGATIVE_TTL_SECONDS, "0");
        p.put(MailSettings.AUTH_CACHE_SIZE, "0");
        p.put(MailSettings.ADMINS, " Alice@Merpati.test, ,root@x.test");
        p.put(MailSettings.DEMO_ACCOUNTS, "alice@merpati.test:alice-secret, bob@merpati.test:b:o:b");
        p.put(MailSettings.HTTPS_PORT, "30081");
        p.put(MailSettings.WEB_PLAINTEXT_NETWORKS, "127.0.0.1/32");
        assertEquals(MailSettings.PROPERTIES.size(), p.size(), "a test value for every property");

        MailSettings s = MailSettings.of(p);
        assertEquals("mail.merpati.test", s.hostname());
        assertEquals(Duration.ofSeconds(5), s.retryInterval());
        assertEquals(Duration.ofSeconds(25), s.maxQueueLifetime());
        assertEquals(Duration.ofSeconds(10), s.sweepInterval());
        assertEquals(Duration.ofSeconds(20), s.sweepGrace());
        assertEquals(8, s.smtpSessionLimit());
        assertEquals(2, s.smtpDestinationConcurrencyLimit());
        RelayHost relay = s.relayHost().orElseThrow();
        assertTrue(relay.valid());
        assertFalse(relay.mxLookup());
        assertEquals(new NextHop("127.0.0.1", 30033), relay.hop());
        assertEquals(
                Optional.of(new NextHop("127.0.0.1", 30030)), s.transportMap().lookup("remote.test"));
        assertEquals(4096, s.headerSizeLimit());
        assertEquals(1L << 30, s.defaultQuotaBytes());
        assertEquals("+-", s.recipientDelimiters());
        assertEquals(Duration.ZERO, s.authCacheTtl());
        assertEquals(Duration.ZERO, s.authCacheNegativeTtl());
        assertEquals(0, s.authCacheSize());
        assertEquals(30081, s.httpsPort());
        assertTrue(s.webPlaintextNetworks().contains("127.0.0.1"));
        assertFalse(s.webPlaintextNetworks().contains("127.0.0.2"));
        assertEquals(Set.of("alice@merpati.test", "root@x.test"), s.admins());
        assertEquals(Map.of("alice@merpati.test", "alice-secret", "bob@merpati.test", "b:o:b"), s.demoAccounts());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void aBadValueIsReportedOnceByNameAndTheDefaultApplies() {
        MailSettings s = MailSettings.of(Map.of(
                MailSettings.QUEUE_RETRY_SECONDS, "15m",
                MailSettings.QUEUE_LIFETIME_SECONDS, "0",
                MailSettings.SMTP_SESSION_LIMIT, "-1",
                MailSettings.QUOTA_DEFAULT_BYTES, "-5",
                MailSettings.AUTH_CACHE_TTL_SECONDS, "-1",
                MailSettings.AUTH_CACHE_SIZE, "many"));
        assertEquals(Duration.ofSeconds(900), s.retryInterval());
        assertEquals(Duration.ofSeconds(432_000), s.maxQueueLifetime());
        assertEquals(100, s.smtpSessionLimit());
        assertEquals(0, s.defaultQuotaBytes());
        assertEquals(Duration.ofSeconds(3600), s.authCacheTtl());
        assertEquals(10_000, s.authCacheSize());
        assertEquals(6, s.problems().size(), s.problems().toString());
        assertTrue(
                s.problems()
                        .contains(
                                "merpati.queue.retrySeconds=\"15m\": not a whole number of seconds from 1 to 2147483647; using the default 900"),
                s.problems().toString());
        assertTrue(
                s.problems()
                        .contains(
                                "merpati.quota.defaultBytes=\"-5\": not a whole number of bytes 0 or more; using the default 0"),
                s.problems().toString());
    }

    @Test
    void aHeaderLimitBeyondTheFirstBodyChunkIsCut() {
        MailSettings s = MailSettings.of(Map.of(MailSettings.HEADER_SIZE_LIMIT, "999999999"));
        assertEquals(MailSettings.MAX_HEADER_SIZE_LIMIT, s.headerSizeLimit());
        assertEquals(1, s.problems().size());
    }

    @Test
    void blankIsUnsetAndNoneTurnsSubaddressingOff() {
        assertEquals(
                "+",
                MailSettings.of(Map.of(MailSettings.RECIPIENT_DELIMITER, "")).recipientDelimiters());
        assertEquals(
                "",
                MailSettings.of(Map.of(MailSettings.RECIPIENT_DELIMITER, "none"))
                        .recipientDelimiters());
        assertEquals(
                Duration.ofSeconds(900),
                MailSettings.of(Map.of(MailSettings.QUEUE_RETRY_SECONDS, "  ")).retryInterval());
        assertTrue(MailSettings.of(Map.of(MailSettings.RELAY_HOST, " "))
                .relayHost()
                .isEmpty());
    }

    @Test
    void aBadRelayHostIsKeptToDeferTheMailAndReported() {
        MailSettings s = MailSettings.of(Map.of(MailSettings.RELAY_HOST, "[relay.example]:smtp"));
        RelayHost relay = s.relayHost().orElseThrow();
        assertFalse(relay.valid());
        assertEquals("[relay.example]:smtp", relay.spec());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("merpati.relayHost=\"[relay.example]:smtp\": "));
    }

    @Test
    void relayHostsWithAndWithoutBrackets() {
        RelayHost mx = RelayHost.parse("smarthost.test:587");
        assertTrue(mx.mxLookup());
        assertEquals("smarthost.test", mx.host());
        assertEquals(587, mx.port());
        RelayHost v6 = RelayHost.parse("[::1]");
        assertFalse(v6.mxLookup());
        assertEquals(new NextHop("::1", 25), v6.hop());
        assertNull(RelayHost.parse("relay.example").problem());
        assertFalse(RelayHost.parse("relay.example:70000").valid());
        assertFalse(RelayHost.parse("[]:25").valid());
    }

    @Test
    void malformedDemoAccountsAndTransportMapEntriesAreSkippedAndReported() {
        MailSettings s = MailSettings.of(Map.of(
                MailSettings.DEMO_ACCOUNTS, "alice@merpati.test:alice-secret,broken,,carol@x.test:",
                MailSettings.TRANSPORT_MAP, "ok.test=[::1]:26,bad.test=host:notaport"));
        assertEquals(Map.of("alice@merpati.test", "alice-secret"), s.demoAccounts());
        assertEquals(Optional.of(new NextHop("::1", 26)), s.transportMap().lookup("ok.test"));
        assertEquals(3, s.problems().size(), s.problems().toString());
    }

    @Test
    void aSourceThatFailsIsReportedAndTheDefaultApplies() {
        MailSettings s = MailSettings.from(name -> {
            if (name.equals(MailSettings.SMTP_SESSION_LIMIT)) {
                throw new IllegalArgumentException("Infinitely recursive expression");
            }
            return Optional.empty();
        });
        assertEquals(100, s.smtpSessionLimit());
        assertEquals(1, s.problems().size());
    }
}
