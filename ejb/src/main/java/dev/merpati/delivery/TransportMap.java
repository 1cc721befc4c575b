package dev.merpati.delivery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Postfix's transport(5), reduced to "domain=host:port" entries separated by commas (system property
 * {@code merpati.transportMap}): mail for the domain goes to that host instead of the domain's MX.
 * "[host]" means the same (there is no MX lookup for a mapped host); the port defaults to 25.
 */
public final class TransportMap {

    public static final String PROPERTY = "merpati.transportMap";
    static final int SMTP_PORT = 25;

    private final Map<String, NextHop> entries;

    private TransportMap(Map<String, NextHop> entries) {
        this.entries = entries;
    }

    public static TransportMap fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, ""));
    }

    public static TransportMap parse(String spec) {
        Map<String, NextHop> entries = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String domain = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String target = entry.substring(eq + 1).strip();
            int port = SMTP_PORT;
            int colon = target.lastIndexOf(':');
            if (colon > target.lastIndexOf(']')) {
                try {
                    port = Integer.parseInt(target.substring(colon + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                target = target.substring(0, colon);
            }
            if (target.startsWith("[") && target.endsWith("]")) {
                target = target.substring(1, target.length() - 1);
            }
            if (!target.isEmpty() && port > 0 && port < 65536) {
                entries.put(domain, new NextHop(target, port));
            }
        }
        return new TransportMap(entries);
    }

    public Optional<NextHop> lookup(String domain) {
        return Optional.ofNullable(entries.get(domain.toLowerCase(Locale.ROOT)));
    }

    public record NextHop(String host, int port) {}
}
