package dev.merpati.rewrite;

import dev.merpati.account.MailAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The address resolution rules, free of storage so they can be tested alone. One step: an address
 * resolves to a mailbox, an alias (whose targets {@link Expansion} follows), a remote address or an
 * error.
 *
 * <ul>
 *   <li>Canonical form: the domain in lower case; a bare local part and {@code user@localhost}
 *       belong to the origin (primary) domain, like Postfix's append_at_myorigin; a domain alias
 *       stands for its target domain.
 *   <li>Local parts of local domains are matched case-insensitively; remote ones are kept as given.
 *   <li>Order, as Postfix's virtual alias lookups: the exact alias, the account, then the address
 *       without its subaddress ({@code user+tag} → {@code user}) as alias and as account, then
 *       postmaster/abuse defaults, then the domain's catch-all ({@code @domain}).
 *   <li>{@code postmaster} (RFC 5321 §4.5.1) and {@code abuse} (RFC 2142) exist in every local
 *       domain: abuse goes where postmaster goes, which is the account or alias {@code postmaster}
 *       if there is one, else the domain's first created account (the one its administrator made).
 * </ul>
 */
public final class RewriteRules {

    static final String POSTMASTER = "postmaster";
    static final String ABUSE = "abuse";
    static final String LOCALHOST = "localhost";

    private final AddressDirectory directory;
    private final String delimiters;

    /** @param delimiters the subaddress delimiter characters ({@code +} by default); empty turns it off */
    public RewriteRules(AddressDirectory directory, String delimiters) {
        this.directory = directory;
        this.delimiters = delimiters == null ? "" : delimiters;
    }

    /** One resolution step with the default delimiter {@code +}. */
    public static Resolution resolve(String address, AddressDirectory directory) {
        return new RewriteRules(directory, "+").resolve(address);
    }

    public Resolution resolve(String address) {
        Optional<MailAddress> canonical = canonical(address);
        if (canonical.isEmpty()) {
            return new Resolution.Error(address == null || address.isBlank() ? "empty address" : "malformed address");
        }
        MailAddress mailAddress = canonical.get();
        Optional<String> localDomain = directory.localDomain(mailAddress.domain());
        if (localDomain.isEmpty()) {
            return new Resolution.Remote(mailAddress.toString());
        }
        String domain = localDomain.get();
        String local = mailAddress.canonicalLocalPart();
        Optional<Resolution> found = lookup(local, domain);
        if (found.isEmpty()) {
            String base = withoutSubaddress(local);
            if (!base.equals(local)) {
                found = lookup(base, domain);
            }
        }
        if (found.isEmpty() && (POSTMASTER.equals(local) || ABUSE.equals(local))) {
            found = postmaster(domain);
        }
        if (found.isEmpty()) {
            var catchAll = directory.aliasTargets("@" + domain);
            if (!catchAll.isEmpty()) {
                found = Optional.of(new Resolution.Alias(local + "@" + domain, catchAll));
            }
        }
        return found.orElseGet(() -> new Resolution.Error("user unknown: " + local + "@" + domain));
    }

    /**
     * The canonical form of an address: trimmed, domain in lower case, a bare local part or
     * {@code @localhost} completed with the origin domain, a local domain alias replaced by its target.
     */
    public Optional<MailAddress> canonical(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String candidate = address.strip();
        Optional<String> origin = directory.primaryDomain();
        if (candidate.indexOf('@') < 0) {
            if (origin.isEmpty()) {
                return Optional.empty();
            }
            candidate = candidate + "@" + origin.get();
        }
        Optional<MailAddress> parsed = MailAddress.parse(candidate);
        if (parsed.isEmpty()) {
            return parsed;
        }
        MailAddress a = parsed.get();
        if (LOCALHOST.equals(a.domain()) && origin.isPresent()) {
            a = new MailAddress(a.localPart(), origin.get());
        }
        Optional<String> local = directory.localDomain(a.domain());
        if (local.isPresent()) {
            return Optional.of(new MailAddress(a.canonicalLocalPart(), local.get()));
        }
        return Optional.of(a);
    }

    private Optional<Resolution> lookup(String local, String domain) {
        String address = local + "@" + domain;
        var targets = directory.aliasTargets(address);
        if (!targets.isEmpty()) {
            return Optional.of(new Resolution.Alias(address, targets));
        }
        return directory.findAccount(local, domain).map(id -> new Resolution.Local(id, address));
    }

    private Optional<Resolution> postmaster(String domain) {
        Optional<Resolution> named = lookup(POSTMASTER, domain);
        if (named.isPresent()) {
            return named;
        }
        return directory.firstAccount(domain).map(id -> new Resolution.Local(id, POSTMASTER + "@" + domain));
    }

    /** {@code user+tag} → {@code user}; a local part that starts with the delimiter is left alone. */
    String withoutSubaddress(String local) {
        for (int i = 1; i < local.length(); i++) {
            if (delimiters.indexOf(local.charAt(i)) >= 0) {
                return local.substring(0, i);
            }
        }
        return local;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
