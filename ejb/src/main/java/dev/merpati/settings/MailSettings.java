package dev.merpati.settings;

import dev.merpati.store.BodyChunks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The application's settings, typed: the {@code merpati.*} properties of the mail pipeline, the
 * accounts and the admin API. The container reads them once, when the application starts, through
 * MicroProfile Config, so every source Payara offers works: system properties ({@code asadmin
 * create-system-properties}, which {@code server/scripts/domain.sh} uses), environment variables
 * ({@code MERPATI_QUEUE_RETRYSECONDS} for {@code merpati.queue.retrySeconds}) and config properties
 * ({@code asadmin set-config-property}). {@link #PROPERTIES} lists every property with its default;
 * README.md's settings table lists the same.
 *
 * <p>Defaults, units and validation are here and nowhere else. A value that is not valid is
 * reported once, as a warning that names the property, and the default applies; a relay host that
 * cannot be parsed defers the mail that would go there instead (see {@link RelayHost}). An empty
 * value is no value (MicroProfile Config's rule): subaddressing is turned off with the delimiter
 * {@value #NO_DELIMITER}.
 *
 * <p>Resource adapter settings (ports, TLS, the connector's limits) are not here: they are the
 * connector's config properties. Tests build settings from a map with {@link #of(Map)}.
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    public static final String HOSTNAME = "merpati.hostname";
    public static final String QUEUE_RETRY_SECONDS = "merpati.queue.retrySeconds";
    public static final String QUEUE_LIFETIME_SECONDS = "merpati.queue.lifetimeSeconds";
    public static final String QUEUE_SWEEP_SECONDS = "merpati.queue.sweepSeconds";
    public static final String QUEUE_SWEEP_GRACE_SECONDS = "merpati.queue.sweepGraceSeconds";
    public static final String SMTP_SESSION_LIMIT = "merpati.smtp.sessionLimit";
    public static final String SMTP_DESTINATION_CONCURRENCY_LIMIT = "merpati.smtp.destinationConcurrencyLimit";
    public static final String RELAY_HOST = "merpati.relayHost";
    public static final String TRANSPORT_MAP = "merpati.transportMap";
    public static final String HEADER_SIZE_LIMIT = "merpati.cleanup.headerSizeLimit";
    public static final String QUOTA_DEFAULT_BYTES = "merpati.quota.defaultBytes";
    public static final String RECIPIENT_DELIMITER = "merpati.recipientDelimiter";
    public static final String AUTH_CACHE_TTL_SECONDS = "merpati.auth.cacheTtlSeconds";
    public static final String AUTH_CACHE_NEGATIVE_TTL_SECONDS = "merpati.auth.cacheNegativeTtlSeconds";
    public static final String AUTH_CACHE_SIZE = "merpati.auth.cacheSize";
    public static final String ADMINS = "merpati.admins";
    public static final String DEMO_ACCOUNTS = "merpati.demo.accounts";
    public static final String HTTPS_PORT = "merpati.web.httpsPort";
    public static final String WEB_PLAINTEXT_NETWORKS = "merpati.web.plaintextNetworks";

    /** The {@value #RECIPIENT_DELIMITER} that turns subaddressing off. */
    public static final String NO_DELIMITER = "none";

    /** The longest header section cleanup can check: what fits in the first body chunk with its CRLF. */
    public static final int MAX_HEADER_SIZE_LIMIT = BodyChunks.CHUNK_SIZE - 2;

    /** Seconds of a duration setting at most (68 years): more would overflow the timers' milliseconds. */
    static final long MAX_SECONDS = Integer.MAX_VALUE;

    /** The default of a property that has no value unless it is set. */
    static final String NONE = "none";

    /** A property and its default, as README.md's settings table shows them. */
    public record Property(String name, String defaultValue) {}

    private static final Property P_HOSTNAME = new Property(HOSTNAME, "the machine's name");
    private static final Property P_RETRY = new Property(QUEUE_RETRY_SECONDS, "900");
    private static final Property P_LIFETIME = new Property(QUEUE_LIFETIME_SECONDS, "432000");
    private static final Property P_SWEEP = new Property(QUEUE_SWEEP_SECONDS, "60");
    private static final Property P_SWEEP_GRACE = new Property(QUEUE_SWEEP_GRACE_SECONDS, "120");
    private static final Property P_SESSION_LIMIT = new Property(SMTP_SESSION_LIMIT, "100");
    private static final Property P_DESTINATION_LIMIT = new Property(SMTP_DESTINATION_CONCURRENCY_LIMIT, "20");
    private static final Property P_RELAY_HOST = new Property(RELAY_HOST, NONE);
    private static final Property P_TRANSPORT_MAP = new Property(TRANSPORT_MAP, NONE);
    private static final Property P_HEADER_LIMIT = new Property(HEADER_SIZE_LIMIT, "102400");
    private static final Property P_QUOTA = new Property(QUOTA_DEFAULT_BYTES, "0");
    private static final Property P_DELIMITER = new Property(RECIPIENT_DELIMITER, "+");
    private static final Property P_AUTH_TTL = new Property(AUTH_CACHE_TTL_SECONDS, "3600");
    private static final Property P_AUTH_NEGATIVE_TTL = new Property(AUTH_CACHE_NEGATIVE_TTL_SECONDS, "60");
    private static final Property P_AUTH_SIZE = new Property(AUTH_CACHE_SIZE, "10000");
    private static final Property P_ADMINS = new Property(ADMINS, NONE);
    private static final Property P_DEMO_ACCOUNTS = new Property(DEMO_ACCOUNTS, NONE);
    private static final Property P_HTTPS_PORT = new Property(HTTPS_PORT, "8181");
    private static final Property P_WEB_PLAINTEXT = new Property(WEB_PLAINTEXT_NETWORKS, "127.0.0.0/8, ::1/128");

    /** Every property of these settings, with its default. */
    public static final List<Property> PROPERTIES = List.of(
            P_HOSTNAME,
            P_RETRY,
            P_LIFETIME,
            P_SWEEP,
            P_SWEEP_GRACE,
            P_SESSION_LIMIT,
            P_DESTINATION_LIMIT,
            P_RELAY_HOST,
            P_TRANSPORT_MAP,
            P_HEADER_LIMIT,
            P_QUOTA,
            P_DELIMITER,
            P_AUTH_TTL,
            P_AUTH_NEGATIVE_TTL,
            P_AUTH_SIZE,
            P_ADMINS,
            P_DEMO_ACCOUNTS,
            P_HTTPS_PORT,
            P_WEB_PLAINTEXT);

    @Inject
    Config config;

    private List<String> problems;
    private String configuredHostname;
    private volatile String machineName;
    private Duration retryInterval;
    private Duration maxQueueLifetime;
    private Duration sweepInterval;
    private Duration sweepGrace;
    private int smtpSessionLimit;
    private int smtpDestinationConcurrencyLimit;
    private RelayHost relayHost;
    private TransportMap transportMap;
    private int headerSizeLimit;
    private long defaultQuotaBytes;
    private String recipientDelimiters;
    private Duration authCacheTtl;
    private Duration authCacheNegativeTtl;
    private int authCacheSize;
    private Set<String> admins;
    private Map<String, String> demoAccounts;
    private int httpsPort;
    private Networks webPlaintextNetworks;

    /** For the container, which then reads the settings from MicroProfile Config. */
    protected MailSettings() {}

    /** Settings from a source of property values (tests; empty: not set). */
    public static MailSettings from(Function<String, Optional<String>> source) {
        MailSettings settings = new MailSettings();
        settings.read(source);
        return settings;
    }

    /** Settings from a map of property values (tests). */
    public static MailSettings of(Map<String, String> properties) {
        return from(name -> Optional.ofNullable(properties.get(name)));
    }

    /** Every setting at its default. */
    public static MailSettings defaults() {
        return of(Map.of());
    }

    /**
     * The port of the HTTPS listener that serves the webmail and the admin API (Payara's
     * http-listener-2); plain HTTP from another machine is sent there. 0: no redirect.
     */
    public int httpsPort() {
        return httpsPort;
    }

    /** The clients that may use the webmail and the admin API over plain HTTP (default: this machine). */
    public Networks webPlaintextNetworks() {
        return webPlaintextNetworks;
    }

    @PostConstruct
    void readConfig() {
        read(name -> config.getOptionalValue(name, String.class));
        LOG.info(() -> "Merpati settings: " + this);
    }

    private void read(Function<String, Optional<String>> source) {
        Reader in = new Reader(source);
        configuredHostname = in.text(P_HOSTNAME).orElse(null);
        retryInterval = in.seconds(P_RETRY, 1);
        maxQueueLifetime = in.seconds(P_LIFETIME, 1);
        sweepInterval = in.seconds(P_SWEEP, 1);
        sweepGrace = in.seconds(P_SWEEP_GRACE, 1);
        smtpSessionLimit = (int) in.number(P_SESSION_LIMIT, 1, Integer.MAX_VALUE, "");
        smtpDestinationConcurrencyLimit = (int) in.number(P_DESTINATION_LIMIT, 1, Integer.MAX_VALUE, "");
        httpsPort = (int) in.number(P_HTTPS_PORT, 0, 65535, "");
        String plaintext = in.raw(P_WEB_PLAINTEXT).orElse(P_WEB_PLAINTEXT.defaultValue());
        try {
            webPlaintextNetworks = Networks.parse(plaintext);
        } catch (IllegalArgumentException e) {
            in.report(WEB_PLAINTEXT_NETWORKS, plaintext, e.getMessage() + "; nobody may use plain HTTP");
            webPlaintextNetworks = Networks.parse("");
        }
        relayHost = in.text(P_RELAY_HOST).map(RelayHost::parse).orElse(null);
        if (relayHost != null && !relayHost.valid()) {
            in.report(
                    RELAY_HOST,
                    relayHost.spec(),
                    relayHost.problem()
                            + "; remote mail without a transport map entry is deferred until the relay host is fixed");
        }
        transportMap = in.text(P_TRANSPORT_MAP)
                .map(spec -> TransportMap.parse(
                        spec,
                        entry -> in.report(
                                TRANSPORT_MAP, entry, "not domain=host or domain=host:port (1-65535); entry ignored")))
                .orElse(TransportMap.EMPTY);
        int headers = (int) in.number(P_HEADER_LIMIT, 1, Integer.MAX_VALUE, " of bytes");
        if (headers > MAX_HEADER_SIZE_LIMIT) {
            in.report(
                    HEADER_SIZE_LIMIT,
                    Integer.toString(headers),
                    "more than cleanup can check; using " + MAX_HEADER_SIZE_LIMIT);
            headers = MAX_HEADER_SIZE_LIMIT;
        }
        headerSizeLimit = headers;
        defaultQuotaBytes = in.number(P_QUOTA, 0, Long.MAX_VALUE, " of bytes");
        recipientDelimiters = in.raw(P_DELIMITER)
                .map(v -> v.strip().equalsIgnoreCase(NO_DELIMITER) ? "" : v)
                .orElse(P_DELIMITER.defaultValue());
        authCacheTtl = in.seconds(P_AUTH_TTL, 0);
        authCacheNegativeTtl = in.seconds(P_AUTH_NEGATIVE_TTL, 0);
        authCacheSize = (int) Math.min(Integer.MAX_VALUE, in.number(P_AUTH_SIZE, 0, Long.MAX_VALUE, " of entries"));
        admins = in.text(P_ADMINS).map(MailSettings::addresses).orElse(Set.of());
        demoAccounts = in.raw(P_DEMO_ACCOUNTS).map(value -> accounts(value, in)).orElse(Map.of());
        problems = List.copyOf(in.problems);
    }

    /** This server's name in greetings, Received headers and Message-IDs: the setting, else the machine's name. */
    public String hostname() {
        if (configuredHostname != null) {
            return configuredHostname;
        }
        String name = machineName;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                name = "localhost";
            }
            machineName = name;
        }
        return name;
    }

    /** How long deferred mail waits between delivery attempts (Postfix's 15 minutes). */
    public Duration retryInterval() {
        return retryInterval;
    }

    /** How long mail is retried before it is returned (Postfix's maximal_queue_lifetime of 5 days). */
    public Duration maxQueueLifetime() {
        return maxQueueLifetime;
    }

    /** How often the queue sweeper looks for entries that lost their JMS message. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** How long an entry may wait in a stage before the sweeper sends its message again. */
    public Duration sweepGrace() {
        return sweepGrace;
    }

    /** SMTP client sessions at once over all destinations (Postfix's default_process_limit). */
    public int smtpSessionLimit() {
        return smtpSessionLimit;
    }

    /** SMTP client sessions at once to one destination (Postfix's default_destination_concurrency_limit). */
    public int smtpDestinationConcurrencyLimit() {
        return smtpDestinationConcurrencyLimit;
    }

    /** Where remote mail without a transport map entry goes instead of the MX hosts; it may be not valid. */
    public Optional<RelayHost> relayHost() {
        return Optional.ofNullable(relayHost);
    }

    public TransportMap transportMap() {
        return transportMap;
    }

    /** The largest header section in bytes (Postfix's header_size_limit), at most {@link #MAX_HEADER_SIZE_LIMIT}. */
    public int headerSizeLimit() {
        return headerSizeLimit;
    }

    /** The storage quota in octets of accounts without one of their own; 0: unlimited. */
    public long defaultQuotaBytes() {
        return defaultQuotaBytes;
    }

    /** The subaddress delimiter characters ({@code user+tag@}); empty: subaddressing is off. */
    public String recipientDelimiters() {
        return recipientDelimiters;
    }

    /** How long a successful login is remembered; zero: not at all. */
    public Duration authCacheTtl() {
        return authCacheTtl;
    }

    /** How long a failed login is remembered; zero: not at all. */
    public Duration authCacheNegativeTtl() {
        return authCacheNegativeTtl;
    }

    /** How many logins are remembered; 0: none. */
    public int authCacheSize() {
        return authCacheSize;
    }

    /** The addresses of the accounts that may use the admin API, lower case. */
    public Set<String> admins() {
        return admins;
    }

    /** The accounts to create at start-up when they are missing: address to password, in order. */
    public Map<String, String> demoAccounts() {
        return demoAccounts;
    }

    /** What was reported about values that are not valid. */
    public List<String> problems() {
        return problems;
    }

    /** The settings in effect (demo passwords left out). */
    @Override
    public String toString() {
        return HOSTNAME + "=" + hostname()
                + ", " + QUEUE_RETRY_SECONDS + "=" + retryInterval.toSeconds()
                + ", " + QUEUE_LIFETIME_SECONDS + "=" + maxQueueLifetime.toSeconds()
                + ", " + QUEUE_SWEEP_SECONDS + "=" + sweepInterval.toSeconds()
                + ", " + QUEUE_SWEEP_GRACE_SECONDS + "=" + sweepGrace.toSeconds()
                + ", " + SMTP_SESSION_LIMIT + "=" + smtpSessionLimit
                + ", " + SMTP_DESTINATION_CONCURRENCY_LIMIT + "=" + smtpDestinationConcurrencyLimit
                + ", " + RELAY_HOST + "=" + (relayHost == null ? NONE : relayHost.spec())
                + ", " + TRANSPORT_MAP + "=" + (transportMap.isEmpty() ? NONE : transportMap)
                + ", " + HEADER_SIZE_LIMIT + "=" + headerSizeLimit
                + ", " + QUOTA_DEFAULT_BYTES + "=" + defaultQuotaBytes
                + ", " + RECIPIENT_DELIMITER + "="
                + (recipientDelimiters.isEmpty() ? NO_DELIMITER : recipientDelimiters)
                + ", " + AUTH_CACHE_TTL_SECONDS + "=" + authCacheTtl.toSeconds()
                + ", " + AUTH_CACHE_NEGATIVE_TTL_SECONDS + "=" + authCacheNegativeTtl.toSeconds()
                + ", " + AUTH_CACHE_SIZE + "=" + authCacheSize
                + ", " + ADMINS + "=" + (admins.isEmpty() ? NONE : String.join(",", admins))
                + ", " + DEMO_ACCOUNTS + "="
                + (demoAccounts.isEmpty() ? NONE : String.join(",", demoAccounts.keySet()));
    }

    /** Addresses separated by commas, lower case. */
    static Set<String> addresses(String value) {
        return Arrays.stream(value.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code address:password} pairs separated by commas; the password is everything after the first colon. */
    private static Map<String, String> accounts(String value, Reader in) {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            int colon = item.indexOf(':');
            if (colon > 0 && colon < item.length() - 1) {
                accounts.put(item.substring(0, colon).strip(), item.substring(colon + 1));
            } else if (!item.isBlank()) {
                in.report(DEMO_ACCOUNTS, item.strip(), "not address:password; entry ignored");
            }
        }
        return Collections.unmodifiableMap(accounts);
    }

    /** Reads values from the source and reports the ones that are not valid. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        /** The value as given; empty if not set or empty. */
        Optional<String> raw(Property property) {
            try {
                return source.apply(property.name()).filter(v -> !v.isEmpty());
            } catch (RuntimeException e) {
                report(
                        property.name(),
                        null,
                        "cannot be read (" + e + "); using the default " + property.defaultValue());
                return Optional.empty();
            }
        }

        /** The value without surrounding white space; empty if blank. */
        Optional<String> text(Property property) {
            return raw(property).map(String::strip).filter(v -> !v.isEmpty());
        }

        long number(Property property, long min, long max, String unit) {
            long fallback = Long.parseLong(property.defaultValue());
            Optional<String> value = text(property);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                long n = Long.parseLong(value.get());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            String range = max == Long.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
            report(
                    property.name(),
                    value.get(),
                    "not a whole number" + unit + " " + range + "; using the default " + fallback);
            return fallback;
        }

        Duration seconds(Property property, long min) {
            return Duration.ofSeconds(number(property, min, MAX_SECONDS, " of seconds"));
        }

        void report(String property, String value, String problem) {
            String message = property + (value == null ? "" : "=\"" + value + "\"") + ": " + problem;
            problems.add(message);
            LOG.warning(() -> "Setting not valid: " + message);
        }
    }
}
