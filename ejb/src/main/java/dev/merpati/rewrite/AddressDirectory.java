package dev.merpati.rewrite;

import java.util.Optional;

/** What trivial-rewrite needs to know about local domains and accounts. */
public interface AddressDirectory {

    /** The domain that bare local parts belong to (the first one created), if any. */
    Optional<String> primaryDomain();

    boolean isLocalDomain(String domain);

    /** @param localPart lower case */
    Optional<Long> findAccount(String localPart, String domain);

    /** The domain's first created account, which receives postmaster mail when no such account exists. */
    Optional<Long> firstAccount(String domain);
}
