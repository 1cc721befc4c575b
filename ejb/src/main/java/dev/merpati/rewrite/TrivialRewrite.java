package dev.merpati.rewrite;

import dev.merpati.account.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Postfix's trivial-rewrite: resolves every address to local, remote or error. */
@ApplicationScoped
public class TrivialRewrite {

    @Inject
    AccountRepository accounts;

    public Resolution resolve(String address) {
        return RewriteRules.resolve(address, new Directory());
    }

    private final class Directory implements AddressDirectory {

        @Override
        public Optional<String> primaryDomain() {
            return accounts.primaryDomain().map(d -> d.getName());
        }

        @Override
        public boolean isLocalDomain(String domain) {
            return accounts.findDomain(domain).isPresent();
        }

        @Override
        public Optional<Long> findAccount(String localPart, String domain) {
            return accounts.findAccount(localPart, domain).map(a -> a.getId());
        }

        @Override
        public Optional<Long> firstAccount(String domain) {
            return accounts.firstAccountOf(domain).map(a -> a.getId());
        }
    }
}
