package dev.merpati.delivery;

import dev.merpati.settings.MailSettings;
import dev.merpati.settings.NextHop;
import dev.merpati.settings.RelayHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where mail for a domain goes next, like Postfix's smtp(8): the transport map's entry for the
 * domain; else every address of every MX host, most preferred first (hosts of equal preference in
 * random order); else, when the domain has no MX, its own addresses (RFC 5321 5.1). A domain that
 * does not exist, or has neither MX nor address records, is a permanent failure (5.4.4); a null MX
 * (RFC 7505) says the domain takes no mail (5.1.10); a DNS server that cannot answer now is a
 * temporary one (4.4.3).
 */
@ApplicationScoped
public class NextHops {

    private static final Logger LOG = Logger.getLogger(NextHops.class.getName());
    /** At most this many addresses are tried in one session attempt (Postfix tries 5). */
    static final int ADDRESS_LIMIT = 20;

    @Inject
    MailSettings settings;

    private final Resolver resolver;
    private final Cache cache;

    public NextHops() {
        this(null, null);
    }

    /** With a resolver of its own (tests), and a cache of its own; {@code null}: the system's. */
    NextHops(Resolver resolver, MailSettings settings) {
        this.resolver = resolver;
        this.cache = resolver == null ? null : new Cache();
        this.settings = settings;
    }

    public Route forDomain(String domain) {
        if (domain.isEmpty()) {
            return Route.permanent("5.1.3 no domain in the address");
        }
        Optional<NextHop> mapped = settings.transportMap().lookup(domain);
        if (mapped.isPresent()) {
            return new Route(List.of(mapped.get()), null, false, null, false);
        }
        Optional<RelayHost> relay = settings.relayHost();
        if (relay.isPresent()) {
            return viaRelay(relay.get());
        }
        return viaDns(domain, NextHop.SMTP_PORT);
    }

    /**
     * What the per-destination concurrency limit counts sessions by: the relay host when mail for
     * the domain goes there (all such domains share it), else the domain.
     */
    public String destination(String domain) {
        if (settings.transportMap().lookup(domain).isPresent()) {
            return domain;
        }
        return settings.relayHost().map(relay -> "relay " + relay.spec()).orElse(domain);
    }

    /**
     * The relay host itself, or the MX hosts of its name. A relay host that is not valid or cannot
     * be found defers the mail (it is the operator's setting, not the recipient's fault).
     */
    private Route viaRelay(RelayHost relay) {
        if (!relay.valid()) {
            return Route.local("4.3.5 bad " + MailSettings.RELAY_HOST + ": " + relay.spec());
        }
        Route route = relay.mxLookup()
                ? viaDns(relay.host(), relay.port())
                : new Route(List.of(relay.hop()), null, false, null, false);
        return new Route(route.hops(), route.failure(), false, relay.host(), false);
    }

    private Route viaDns(String domain, int port) {
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            return Route.permanent("5.1.2 bad destination domain " + domain);
        }
        Answer mx = lookup(name, Type.MX);
        switch (mx.result()) {
            case Lookup.SUCCESSFUL:
                return viaMx(domain, mx.records(), port);
            case Lookup.HOST_NOT_FOUND:
                return Route.permanent("5.4.4 Host or domain name not found: " + domain + " (NXDOMAIN)");
            case Lookup.TYPE_NOT_FOUND:
                return direct(domain, name, port);
            default:
                LOG.fine(() -> "MX lookup of " + domain + " failed: " + mx.error());
                return Route.temporary("4.4.3 Host or domain name lookup failed: " + domain + ": " + mx.error());
        }
    }

    private Route viaMx(String domain, Record[] records, int port) {
        List<MXRecord> mxs = Arrays.stream(records)
                .filter(MXRecord.class::isInstance)
                .map(MXRecord.class::cast)
                .toList();
        if (mxs.size() == 1 && mxs.get(0).getTarget().equals(Name.root)) {
            return Route.permanent("5.1.10 " + domain + " accepts no mail (null MX)");
        }
        Map<Integer, List<MXRecord>> byPreference = new TreeMap<>();
        for (MXRecord mx : mxs) {
            byPreference
                    .computeIfAbsent(mx.getPriority(), p -> new ArrayList<>())
                    .add(mx);
        }
        List<NextHop> hops = new ArrayList<>();
        boolean temporary = false;
        for (List<MXRecord> equal : byPreference.values()) {
            List<MXRecord> shuffled = new ArrayList<>(equal);
            Collections.shuffle(shuffled);
            for (MXRecord mx : shuffled) {
                Addresses found = addresses(mx.getTarget(), port);
                temporary |= found.temporary();
                hops.addAll(found.hops());
            }
        }
        if (!hops.isEmpty()) {
            return new Route(limited(hops), null, false, null, false);
        }
        return temporary
                ? Route.temporary("4.4.3 cannot find the addresses of the MX hosts of " + domain + " now")
                : Route.permanent("5.4.4 no address records for the MX hosts of " + domain);
    }

    private Route direct(String domain, Name name, int port) {
        Addresses found = addresses(name, port);
        if (!found.hops().isEmpty()) {
            return new Route(limited(found.hops()), null, false, null, false);
        }
        return found.temporary()
                ? Route.temporary("4.4.3 cannot find the address of " + domain + " now")
                : Route.permanent("5.4.4 Host or domain name not found: " + domain + " has no MX, A or AAAA record");
    }

    /** The host's IPv4 then IPv6 addresses, on the port. */
    private Addresses addresses(Name host, int port) {
        List<NextHop> hops = new ArrayList<>();
        boolean temporary = false;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Answer answer = lookup(host, type);
            if (answer.result() == Lookup.SUCCESSFUL) {
                for (Record r : answer.records()) {
                    InetAddress address = r instanceof ARecord a
                            ? a.getAddress()
                            : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                    if (address != null) {
                        hops.add(new NextHop(address.getHostAddress(), port));
                    }
                }
            } else if (answer.result() == Lookup.TRY_AGAIN || answer.result() == Lookup.UNRECOVERABLE) {
                temporary = true;
            }
        }
        return new Addresses(hops, temporary);
    }

    private Answer lookup(Name name, int type) {
        Lookup lookup = new Lookup(name, type);
        if (resolver != null) {
            lookup.setResolver(resolver);
            lookup.setCache(cache);
        }
        Record[] records = lookup.run();
        return new Answer(lookup.getResult(), records == null ? new Record[0] : records, lookup.getErrorString());
    }

    private static List<NextHop> limited(List<NextHop> hops) {
        return hops.stream().distinct().limit(ADDRESS_LIMIT).toList();
    }

    private record Answer(int result, Record[] records, String error) {}

    private record Addresses(List<NextHop> hops, boolean temporary) {}

    /**
     * The servers to try in order, or why there is none: {@code failure} is an enhanced status
     * code and text, {@code permanent} whether it bounces the mail (else it is deferred); {@code
     * relayName} the relay host as configured (without brackets and port) when the servers are the
     * relay host (the client logs in there, and its certificate must be valid for that name), else
     * {@code null}; {@code local} whether the failure is this server's own (a bad setting), not the
     * destination's.
     */
    public record Route(List<NextHop> hops, String failure, boolean permanent, String relayName, boolean local) {

        static Route permanent(String failure) {
            return new Route(List.of(), failure, true, null, false);
        }

        static Route temporary(String failure) {
            return new Route(List.of(), failure, false, null, false);
        }

        static Route local(String failure) {
            return new Route(List.of(), failure, false, null, true);
        }

        /** Whether the servers are the relay host. */
        public boolean relay() {
            return relayName != null;
        }
    }
}
