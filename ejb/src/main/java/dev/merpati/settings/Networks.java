package dev.merpati.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A list of networks in CIDR notation ({@code "127.0.0.0/8, ::1/128"}); a bare address is that one
 * host. Addresses only, never names: nothing here asks DNS.
 */
public final class Networks {

    private record Network(byte[] address, int prefix) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            if (!Arrays.equals(candidate, 0, full, address, 0, full)) {
                return false;
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest);
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Network> networks;
    private final String text;

    private Networks(List<Network> networks, String text) {
        this.networks = List.copyOf(networks);
        this.text = text;
    }

    /** @throws IllegalArgumentException for an entry that is not an address or address/prefix */
    public static Networks parse(String list) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                networks.add(network(entry.strip()));
            }
        }
        return new Networks(networks, list.strip());
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: " + entry);
        }
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length: " + entry, e);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("bad prefix length: " + entry);
        }
        return new Network(bytes, prefix);
    }

    /** Whether the address (an IP literal) is in one of the networks. */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        return bytes != null && networks.stream().anyMatch(n -> n.contains(bytes));
    }

    private static byte[] literal(String address) {
        if (address == null || !address.matches("[0-9A-Fa-f:.]+") || address.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
