package dev.merpati.settings;

/**
 * Postfix's relayhost (property {@value MailSettings#RELAY_HOST}): "[host]:port" is that host;
 * "name:port" (no brackets) the MX hosts of the name. The port defaults to 25. A spec that cannot
 * be parsed is kept with its {@code problem}: remote mail that would go to the relay host is then
 * deferred (it is the operator's setting, not the recipient's fault) until the setting is fixed.
 *
 * @param spec the property's value
 * @param host the host, or the name whose MX hosts to use; null if the spec is not valid
 * @param mxLookup whether {@code host} is a name whose MX hosts to look up
 * @param problem why the spec is not valid, or null
 */
public record RelayHost(String spec, String host, int port, boolean mxLookup, String problem) {

    public static RelayHost parse(String spec) {
        String host = spec.strip();
        int port = NextHop.SMTP_PORT;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            try {
                port = Integer.parseInt(host.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                return invalid(spec, "the port is not a number");
            }
            host = host.substring(0, colon).strip();
        }
        if (port <= 0 || port >= 65536) {
            return invalid(spec, "the port is not from 1 to 65535");
        }
        boolean exact = host.startsWith("[") && host.endsWith("]");
        if (exact) {
            host = host.substring(1, host.length() - 1).strip();
        }
        if (host.isEmpty()) {
            return invalid(spec, "no host");
        }
        return new RelayHost(spec, host, port, !exact, null);
    }

    private static RelayHost invalid(String spec, String problem) {
        return new RelayHost(spec, null, 0, false, problem);
    }

    public boolean valid() {
        return problem == null;
    }

    /** The host itself as the next hop (for a bracketed spec). */
    public NextHop hop() {
        return new NextHop(host, port);
    }
}
