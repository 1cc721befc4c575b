package dev.merpati.rewrite;

import java.util.Optional;

/**
 * The address resolution rules, free of storage so they can be tested alone.
 *
 * <ul>
 *   <li>A bare local part belongs to the primary domain (like Postfix's append_at_myorigin), so a
 *       bare {@code postmaster} (RFC 5321 §4.5.1) works.
 *   <li>Local parts of local domains are matched case-insensitively.
 *   <li>{@code postmaster} of a local domain goes to the account {@code postmaster} if there is one,
 *       else to the domain's first created account: every domain must accept postmaster mail, and
 *       the first account is the one its administrator made.
 * </ul>
 */
public final class RewriteRules {

    static final String POSTMASTER = "postmaster";

    private RewriteRules() {}

    public static Resolution resolve(String address, AddressDirectory directory) {
        if (address == null || address.isBlank()) {
            return new Resolution.Error("empty address");
        }
        String candidate = address.strip();
        if (candidate.indexOf('@') < 0) {
            Optional<String> primary = directory.primaryDomain();
            if (primary.isEmpty()) {
                return new Resolution.Error("no local domain for a bare local part");
            }
            candidate = candidate + "@" + primary.get();
        }
        Optional<MailAddress> parsed = MailAddress.parse(candidate);
        if (parsed.isEmpty()) {
            return new Resolution.Error("malformed address");
        }
        MailAddress mailAddress = parsed.get();
        if (!directory.isLocalDomain(mailAddress.domain())) {
            return new Resolution.Remote(mailAddress.toString());
        }
        String local = mailAddress.canonicalLocalPart();
        String canonical = local + "@" + mailAddress.domain();
        Optional<Long> account = directory.findAccount(local, mailAddress.domain());
        if (account.isEmpty() && POSTMASTER.equals(local)) {
            account = directory.firstAccount(mailAddress.domain());
        }
        return account.<Resolution>map(id -> new Resolution.Local(id, canonical))
                .orElseGet(() -> new Resolution.Error("user unknown: " + canonical));
    }
}
