package dev.merpati.queue;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator asked for deferred mail to be tried now (postqueue -f for all of it, -i for one
 * entry): a CDI event naming the remote domains concerned, or all of them. Remote delivery ends the
 * suspension of their destinations, so the flushed mail is sent at once.
 */
public record QueueFlush(boolean all, Set<String> domains) {

    public QueueFlush {
        domains = Set.copyOf(domains);
    }

    /** Every destination. */
    public static QueueFlush everything() {
        return new QueueFlush(true, Set.of());
    }

    /** The domains of these addresses (lower case). */
    public static QueueFlush ofAddresses(Collection<String> addresses) {
        return new QueueFlush(
                false,
                addresses.stream()
                        .map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
    }
}
