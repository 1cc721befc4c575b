package dev.merpati.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.settings.MailSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/** Next hops from DNS answers given by a resolver in the test: no DNS traffic leaves the process. */
class NextHopsTest {

    private static final MailSettings DEFAULTS = MailSettings.defaults();

    /** Answers from its zone; names it does not know do not exist; "broken" names fail (SERVFAIL). */
    static final class ZoneResolver implements Resolver {
        private final Map<String, List<Record>> records = new HashMap<>();
        private final Set<String> names = new HashSet<>();
        private final Set<String> broken = new HashSet<>();
        final List<String> asked = new ArrayList<>();

        ZoneResolver add(Record record) {
            String name = record.getName().toString().toLowerCase();
            records.computeIfAbsent(name + "/" + record.getType(), k -> new ArrayList<>())
                    .add(record);
            names.add(name);
            return this;
        }

        ZoneResolver mx(String domain, int preference, String host) throws Exception {
            return add(new MXRecord(name(domain), DClass.IN, 300, preference, name(host)));
        }

        ZoneResolver a(String host, String address) throws Exception {
            return add(new ARecord(name(host), DClass.IN, 300, InetAddress.getByName(address)));
        }

        ZoneResolver aaaa(String host, String address) throws Exception {
            return add(new AAAARecord(name(host), DClass.IN, 300, InetAddress.getByName(address)));
        }

        ZoneResolver broken(String domain) throws Exception {
            broken.add(name(domain).toString().toLowerCase());
            return this;
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query) {
            Record question = query.getQuestion();
            String name = question.getName().toString().toLowerCase();
            asked.add(name + " " + Type.string(question.getType()));
            Message response = new Message(query.getHeader().getID());
            response.getHeader().setFlag(Flags.QR);
            response.getHeader().setFlag(Flags.AA);
            response.getHeader().setFlag(Flags.RA);
            response.addRecord(question, Section.QUESTION);
            if (broken.contains(name)) {
                response.getHeader().setRcode(Rcode.SERVFAIL);
                return CompletableFuture.completedFuture(response);
            }
            List<Record> answer = records.get(name + "/" + question.getType());
            if (answer != null) {
                answer.forEach(r -> response.addRecord(r, Section.ANSWER));
            } else {
                if (!names.contains(name)) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                response.addRecord(soa(question.getName()), Section.AUTHORITY);
            }
            return CompletableFuture.completedFuture(response);
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query, Executor executor) {
            return sendAsync(query);
        }

        private static Record soa(Name name) {
            try {
                Name zone = name.labels() > 2 ? new Name(name, name.labels() - 2) : name;
                return new SOARecord(
                        zone, DClass.IN, 60, name("ns." + zone), name("hostmaster." + zone), 1, 60, 60, 60, 60);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void setPort(int port) {}

        @Override
        public void setTCP(boolean flag) {}

        @Override
        public void setIgnoreTruncation(boolean flag) {}

        @Override
        public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {}

        @Override
        public void setTSIGKey(TSIG key) {}

        @Override
        public void setTimeout(Duration timeout) {}
    }

    private static Name name(String s) throws Exception {
        return Name.fromString(s.endsWith(".") ? s : s + ".");
    }

    private static List<String> hosts(NextHops.Route route) {
        return route.hops().stream().map(h -> h.host() + ":" + h.port()).toList();
    }

    @Test
    void everyAddressOfEveryMxHostInPreferenceOrder() throws Exception {
        ZoneResolver zone = new ZoneResolver()
                .mx("example.test", 20, "backup.example.test")
                .mx("example.test", 10, "mx1.example.test")
                .a("mx1.example.test", "192.0.2.1")
                .a("mx1.example.test", "192.0.2.2")
                .aaaa("mx1.example.test", "2001:db8::1")
                .a("backup.example.test", "198.51.100.7");
        NextHops.Route route = new NextHops(zone, DEFAULTS).forDomain("example.test");
        List<String> hosts = hosts(route);
        assertEquals(4, hosts.size(), hosts.toString());
        assertEquals(
                Set.of("192.0.2.1:25", "192.0.2.2:25", "2001:db8:0:0:0:0:0:1:25"), Set.copyOf(hosts.subList(0, 3)));
        assertEquals("198.51.100.7:25", hosts.get(3));
        assertEquals(null, route.failure());
    }

    @Test
    void anMxHostWithoutAddressIsSkipped() throws Exception {
        ZoneResolver zone = new ZoneResolver()
                .mx("example.test", 10, "gone.example.test")
                .mx("example.test", 20, "mx2.example.test")
                .a("mx2.example.test", "192.0.2.9");
        assertEquals(List.of("192.0.2.9:25"), hosts(new NextHops(zone, DEFAULTS).forDomain("example.test")));
    }

    @Test
    void withoutMxTheDomainsOwnAddressIsTheImplicitMx() throws Exception {
        ZoneResolver zone = new ZoneResolver().a("plain.test", "203.0.113.5");
        assertEquals(List.of("203.0.113.5:25"), hosts(new NextHops(zone, DEFAULTS).forDomain("plain.test")));
    }

    @Test
    void aDomainThatDoesNotExistBouncesWith544() throws Exception {
        ZoneResolver zone = new ZoneResolver().a("other.test", "203.0.113.5");
        NextHops.Route route = new NextHops(zone, DEFAULTS).forDomain("no-such-domain.test");
        assertTrue(route.hops().isEmpty());
        assertTrue(route.permanent());
        assertTrue(route.failure().startsWith("5.4.4 "), route.failure());
    }

    @Test
    void aDomainWithNeitherMxNorAddressBouncesWith544() throws Exception {
        // the name exists (it has a TXT-like record of its own) but no MX, A or AAAA
        ZoneResolver zone =
                new ZoneResolver().add(new org.xbill.DNS.TXTRecord(name("empty.test"), DClass.IN, 300, "v=spf1 -all"));
        NextHops.Route route = new NextHops(zone, DEFAULTS).forDomain("empty.test");
        assertTrue(route.permanent());
        assertTrue(route.failure().startsWith("5.4.4 "), route.failure());
    }

    @Test
    void aNullMxTakesNoMail() throws Exception {
        ZoneResolver zone = new ZoneResolver().add(new MXRecord(name("nomail.test"), DClass.IN, 300, 0, Name.root));
        NextHops.Route route = new NextHops(zone, DEFAULTS).forDomain("nomail.test");
        assertTrue(route.permanent());
        assertTrue(route.failure().startsWith("5.1.10 "), route.failure());
    }

    @Test
    void aFailingDnsServerDefers() throws Exception {
        ZoneResolver zone = new ZoneResolver().broken("flaky.test");
        NextHops.Route route = new NextHops(zone, DEFAULTS).forDomain("flaky.test");
        assertTrue(route.hops().isEmpty());
        assertFalse(route.permanent());
        assertTrue(route.failure().startsWith("4.4.3 "), route.failure());
    }

    @Test
    void theTransportMapComesBeforeDns() throws Exception {
        ZoneResolver zone = new ZoneResolver();
        MailSettings settings = MailSettings.of(Map.of(MailSettings.TRANSPORT_MAP, "mapped.test=[127.0.0.1]:2526"));
        assertEquals(List.of("127.0.0.1:2526"), hosts(new NextHops(zone, settings).forDomain("mapped.test")));
        assertTrue(zone.asked.isEmpty(), zone.asked.toString());
    }

    @Test
    void aRelayHostTakesAllMailTheTransportMapDoesNotRoute() throws Exception {
        ZoneResolver zone = new ZoneResolver()
                .mx("smarthost.test", 10, "out.smarthost.test")
                .a("out.smarthost.test", "192.0.2.25");
        String map = "mapped.test=[127.0.0.1]:2526";
        NextHops.Route bracketed = relay(zone, map, "[relay.example]:587").forDomain("anywhere.test");
        assertTrue(bracketed.relay());
        assertEquals("relay.example", bracketed.relayName());
        assertEquals(List.of("relay.example:587"), hosts(bracketed));
        assertTrue(zone.asked.isEmpty(), zone.asked.toString());

        NextHops viaSmarthost = relay(zone, map, "smarthost.test:587");
        NextHops.Route viaMx = viaSmarthost.forDomain("anywhere.test");
        assertTrue(viaMx.relay());
        assertEquals("smarthost.test", viaMx.relayName(), "the certificate must name the relay host as configured");
        assertEquals(List.of("192.0.2.25:587"), hosts(viaMx));
        assertEquals("relay smarthost.test:587", viaSmarthost.destination("anywhere.test"));

        NextHops.Route mapped = viaSmarthost.forDomain("mapped.test");
        assertFalse(mapped.relay());
        assertEquals(List.of("127.0.0.1:2526"), hosts(mapped));
        assertEquals("mapped.test", viaSmarthost.destination("mapped.test"));

        NextHops.Route gone = relay(zone, map, "gone.test").forDomain("anywhere.test");
        assertFalse(gone.permanent(), "a missing relay host must defer, not bounce");
        assertTrue(gone.hops().isEmpty());
    }

    @Test
    void aBadRelayHostDefersTheMailItWouldTake() {
        NextHops nextHops = relay(new ZoneResolver(), "", "[relay.example]:smtp");
        NextHops.Route route = nextHops.forDomain("anywhere.test");
        assertFalse(route.permanent());
        assertTrue(route.hops().isEmpty());
        assertEquals("4.3.5 bad merpati.relayHost: [relay.example]:smtp", route.failure());
        assertEquals("relay [relay.example]:smtp", nextHops.destination("anywhere.test"));
    }

    private static NextHops relay(ZoneResolver zone, String transportMap, String relayHost) {
        return new NextHops(
                zone,
                MailSettings.of(Map.of(MailSettings.TRANSPORT_MAP, transportMap, MailSettings.RELAY_HOST, relayHost)));
    }
}
