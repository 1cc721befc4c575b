package dev.merpati.rewrite;

import java.util.List;
import java.util.Optional;

/** What trivial-rewrite needs to know about local domains, accounts, aliases and forwards. */
public interface AddressDirectory {

    /** The origin domain: bare local parts and {@code @localhost} belong to it (the first domain created). */
    Optional<String> primaryDomain();

    /**
     * The local domain a name stands for: itself if it is a local domain, the target if it is a
     * domain alias, empty if it is not ours.
     */
    Optional<String> localDomain(String domain);

    /** @param localPart lower case */
    Optional<Long> findAccount(String localPart, String domain);

    /** The domain's first created account, which receives postmaster mail when no such account exists. */
    Optional<Long> firstAccount(String domain);

    /**
     * The targets of an alias, as written in the aliases table; empty if there is no such alias.
     *
     * @param address {@code local@domain} in lower case, or {@code @domain} for the domain's catch-all
     */
    List<String> aliasTargets(String address);

    /** The account's forward (its ~/.forward), if it has one. */
    Optional<Forward> forward(long accountId);

    /** A ~/.forward: where the account's mail goes, and whether a copy stays in its own mailbox. */
    record Forward(List<String> targets, boolean keepCopy) {
        public Forward {
            targets = List.copyOf(targets);
        }
    }
}
