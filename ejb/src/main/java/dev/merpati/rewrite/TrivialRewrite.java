package dev.merpati.rewrite;

import dev.merpati.account.AccountRepository;
import dev.merpati.account.MailAddress;
import dev.merpati.settings.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Postfix's trivial-rewrite: resolves every address to local, alias, remote or error, and expands
 * an address to its final destinations. The subaddress delimiter characters are {@link
 * MailSettings#recipientDelimiters()}.
 */
@ApplicationScoped
public class TrivialRewrite {

    @Inject
    AccountRepository accounts;

    @Inject
    RewriteRepository tables;

    @Inject
    MailSettings settings;

    /** One step: what the address is (for RCPT checks). */
    public Resolution resolve(String address) {
        return rules().resolve(address);
    }

    /** Every final destination of the address: mailboxes, remote addresses and errors. */
    public List<Expansion.Destination> expand(String address) {
        Directory directory = new Directory();
        return Expansion.of(address, new RewriteRules(directory, settings.recipientDelimiters()), directory);
    }

    /** The canonical form of an address (lower-case domain, origin domain completed), or the address as given. */
    public String canonical(String address) {
        return rules().canonical(address).map(MailAddress::toString).orElse(address);
    }

    private RewriteRules rules() {
        return new RewriteRules(new Directory(), settings.recipientDelimiters());
    }

    private final class Directory implements AddressDirectory {

        @Override
        public Optional<String> primaryDomain() {
            return accounts.primaryDomain().map(d -> d.getName());
        }

        @Override
        public Optional<String> localDomain(String domain) {
            if (accounts.findDomain(domain).isPresent()) {
                return Optional.of(domain);
            }
            return tables.aliasedDomain(domain);
        }

        @Override
        public Optional<Long> findAccount(String localPart, String domain) {
            return accounts.findAccount(localPart, domain).map(a -> a.getId());
        }

        @Override
        public Optional<Long> firstAccount(String domain) {
            return accounts.firstAccountOf(domain).map(a -> a.getId());
        }

        @Override
        public List<String> aliasTargets(String address) {
            return tables.alias(address)
                    .map(a -> Expansion.parseTargets(a.getTargets()))
                    .orElse(List.of());
        }

        @Override
        public Optional<Forward> forward(long accountId) {
            return tables.forward(accountId)
                    .map(f -> new Forward(Expansion.parseTargets(f.getTargets()), f.isKeepCopy()));
        }
    }
}
