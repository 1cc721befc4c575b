package dev.merpati.rewrite;

import java.util.List;

/** Where trivial-rewrite sends an address. */
public sealed interface Resolution {

    /** A mailbox of ours. */
    record Local(long accountId, String address) implements Resolution {}

    /** A domain that is not ours. */
    record Remote(String address) implements Resolution {}

    /** A local address that stands for other addresses (an alias or a catch-all). */
    record Alias(String address, List<String> targets) implements Resolution {
        public Alias {
            targets = List.copyOf(targets);
        }
    }

    /** A local domain without such a user, or an address that cannot be used. */
    record Error(String reason) implements Resolution {}
}
