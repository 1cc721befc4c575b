package dev.merpati.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Where mail for an address goes next: the transport map's entry for its domain, else the domain
 * itself on port 25 (its address record). MX lookup is not there yet.
 */
@ApplicationScoped
public class NextHops {

    public Optional<TransportMap.NextHop> forAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1);
        Optional<TransportMap.NextHop> mapped =
                TransportMap.fromSystemProperty().lookup(domain);
        if (mapped.isPresent()) {
            return mapped;
        }
        return Optional.of(new TransportMap.NextHop(domain, TransportMap.SMTP_PORT));
    }
}
