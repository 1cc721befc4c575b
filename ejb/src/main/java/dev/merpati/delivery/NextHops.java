package dev.merpati.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where mail for an address goes next: the transport map's entry for its domain, else the most
 * preferred of the domain's MX hosts (dnsjava), else the domain itself (its address record), on
 * port 25. Empty when DNS cannot answer now (a temporary failure: the mail is deferred).
 */
@ApplicationScoped
public class NextHops {

    private static final Logger LOG = Logger.getLogger(NextHops.class.getName());

    public Optional<TransportMap.NextHop> forDomain(String domain) {
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        Optional<TransportMap.NextHop> mapped =
                TransportMap.fromSystemProperty().lookup(domain);
        if (mapped.isPresent()) {
            return mapped;
        }
        return mx(domain).map(host -> new TransportMap.NextHop(host, TransportMap.SMTP_PORT));
    }

    private static Optional<String> mx(String domain) {
        try {
            Lookup lookup = new Lookup(domain, Type.MX);
            Record[] records = lookup.run();
            switch (lookup.getResult()) {
                case Lookup.SUCCESSFUL:
                    return Arrays.stream(records)
                            .filter(MXRecord.class::isInstance)
                            .map(MXRecord.class::cast)
                            .min(Comparator.comparingInt(MXRecord::getPriority))
                            .map(mx -> mx.getTarget().toString(true));
                case Lookup.TYPE_NOT_FOUND:
                case Lookup.HOST_NOT_FOUND:
                    // No MX: RFC 5321 5.1 says the address record is the implicit MX; a name that
                    // does not exist at all fails when the client connects.
                    return Optional.of(domain);
                default:
                    LOG.fine(() -> "MX lookup of " + domain + " failed: " + lookup.getErrorString());
                    return Optional.empty();
            }
        } catch (TextParseException e) {
            return Optional.empty();
        }
    }
}
