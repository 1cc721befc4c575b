package dev.merpati.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Postfix's transport(5), reduced to "domain=host:port" entries separated by commas (property
 * {@value MailSettings#TRANSPORT_MAP}): mail for the domain goes to that host instead of the
 * domain's MX. "[host]" means the same (there is no MX lookup for a mapped host); the port
 * defaults to 25.
 */
public final class TransportMap {

    public static final TransportMap EMPTY = new TransportMap(Map.of());

    private final Map<String, NextHop> entries;

    private TransportMap(Map<String, NextHop> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static TransportMap parse(String spec) {
        return parse(spec, entry -> {});
    }

    /** The entries of the spec; each entry that is not "domain=host[:port]" is skipped and handed to {@code bad}. */
    public static TransportMap parse(String spec, Consumer<String> bad) {
        Map<String, NextHop> entries = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            Optional<NextHop> hop = target(entry);
            if (hop.isEmpty()) {
                bad.accept(entry.strip());
                continue;
            }
            entries.put(entry.substring(0, entry.indexOf('=')).strip().toLowerCase(Locale.ROOT), hop.get());
        }
        return new TransportMap(entries);
    }

    private static Optional<NextHop> target(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || entry.substring(0, eq).isBlank()) {
            return Optional.empty();
        }
        String target = entry.substring(eq + 1).strip();
        int port = NextHop.SMTP_PORT;
        int colon = target.lastIndexOf(':');
        if (colon > target.lastIndexOf(']')) {
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            target = target.substring(0, colon);
        }
        if (target.startsWith("[") && target.endsWith("]")) {
            target = target.substring(1, target.length() - 1);
        }
        if (target.isEmpty() || port <= 0 || port >= 65536) {
            return Optional.empty();
        }
        return Optional.of(new NextHop(target, port));
    }

    public Optional<NextHop> lookup(String domain) {
        return Optional.ofNullable(entries.get(domain.toLowerCase(Locale.ROOT)));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries in the property's syntax. */
    @Override
    public String toString() {
        return entries.entrySet().stream()
                .map(e -> e.getKey() + "=[" + e.getValue().host() + "]:"
                        + e.getValue().port())
                .collect(Collectors.joining(","));
    }
}
