package dev.merpati.delivery;

import java.util.List;
import java.util.Locale;

/**
 * The recipients of one queue entry that one SMTP session delivers to: every PENDING remote
 * recipient of the entry in one destination domain (many RCPTs, one DATA, like Postfix groups
 * recipients by next hop).
 */
public record RemoteBatch(
        long entryId, String queueId, long bodyId, String reversePath, String destination, List<Target> targets) {

    public record Target(long recipientId, String address) {}

    public List<String> addresses() {
        return targets.stream().map(Target::address).toList();
    }

    public List<Long> recipientIds() {
        return targets.stream().map(Target::recipientId).toList();
    }

    /** The domain of an address, lower case; "" when it has none. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
