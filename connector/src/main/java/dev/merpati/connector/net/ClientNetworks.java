package dev.merpati.connector.net;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of client networks in CIDR notation, such as Postfix's mynetworks:
 * {@code "127.0.0.0/8, ::1/128, 192.0.2.0/24"}. A bare address means that one host.
 */
public final class ClientNetworks {

    private final List<IpSubnetFilterRule> rules;
    private final String text;

    private ClientNetworks(List<IpSubnetFilterRule> rules, String text) {
        this.rules = List.copyOf(rules);
        this.text = text;
    }

    /** @throws IllegalArgumentException for an entry that is not an address or address/prefix */
    public static ClientNetworks parse(String list) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String entry : list.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                rules.add(rule(entry.trim()));
            }
        }
        return new ClientNetworks(rules, list.trim());
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + entry);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            int hostBits = parsed.getAddress().length * 8;
            int prefix = slash < 0 ? hostBits : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > hostBits) {
                throw new IllegalArgumentException("bad prefix length: " + entry);
            }
            return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a network: " + entry, e);
        }
    }

    public boolean contains(String clientAddress) {
        try {
            var address = new InetSocketAddress(InetAddress.getByName(clientAddress), 0);
            return rules.stream().anyMatch(rule -> rule.matches(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
