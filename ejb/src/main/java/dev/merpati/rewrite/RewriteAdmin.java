package dev.merpati.rewrite;

import dev.merpati.account.AccountException;
import dev.merpati.account.AccountRepository;
import dev.merpati.account.Domain;
import dev.merpati.account.MailAddress;
import dev.merpati.mailbox.MailRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Manages local domains, domain aliases, the aliases table (with catch-alls) and forwards: the
 * service behind the admin REST API. Invalid input throws {@link AccountException} with a message
 * for the operator.
 */
@Stateless
@DeclareRoles(MailRoles.MAIL_ADMIN)
@RolesAllowed(MailRoles.MAIL_ADMIN)
public class RewriteAdmin {

    /** An alias line: {@code address: targets}. */
    public record AliasLine(String address, List<String> targets) {}

    /** A forward: where an account's mail goes, and whether it keeps a copy. */
    public record ForwardSetting(String account, List<String> targets, boolean keepCopy) {}

    @Inject
    AccountRepository accounts;

    @Inject
    RewriteRepository tables;

    public void addDomain(String name) {
        String domain = domainName(name);
        if (accounts.findDomain(domain).isEmpty()) {
            accounts.addDomain(new Domain(domain, Instant.now()));
        }
    }

    /** Mail to {@code user@alias} is mail to {@code user@domain}. */
    public void putDomainAlias(String alias, String domain) {
        Domain target = accounts.findDomain(domainName(domain))
                .orElseThrow(() -> new AccountException("Not a local domain: " + domain));
        String name = domainName(alias);
        if (accounts.findDomain(name).isPresent()) {
            throw new AccountException("A local domain cannot be an alias too: " + name);
        }
        tables.putDomainAlias(name, target.getId());
    }

    public List<AliasLine> aliases() {
        return tables.aliases().stream()
                .map(a -> new AliasLine(a.getAddress(), Expansion.parseTargets(a.getTargets())))
                .toList();
    }

    /**
     * Creates or replaces an alias.
     *
     * @param address {@code local@domain} of a local domain, or {@code @domain} for its catch-all
     */
    public AliasLine putAlias(String address, String targets) {
        String key = aliasKey(address);
        List<String> list = Expansion.parseTargets(targets);
        if (list.isEmpty()) {
            throw new AccountException("An alias needs at least one target");
        }
        String text = String.join(", ", list);
        if (text.length() > 4000) {
            throw new AccountException("Too many targets");
        }
        tables.putAlias(key, text);
        return new AliasLine(key, list);
    }

    public boolean removeAlias(String address) {
        return tables.removeAlias(aliasKey(address));
    }

    public Optional<ForwardSetting> forward(String account) {
        var a = account(account);
        return tables.forward(a.getId())
                .map(f -> new ForwardSetting(a.address(), Expansion.parseTargets(f.getTargets()), f.isKeepCopy()));
    }

    public ForwardSetting putForward(String account, String targets, boolean keepCopy) {
        var a = account(account);
        List<String> list = Expansion.parseTargets(targets);
        if (list.isEmpty()) {
            throw new AccountException("A forward needs at least one target");
        }
        tables.putForward(a.getId(), String.join(", ", list), keepCopy);
        return new ForwardSetting(a.address(), list, keepCopy);
    }

    public boolean removeForward(String account) {
        return tables.removeForward(account(account).getId());
    }

    private dev.merpati.account.Account account(String address) {
        return MailAddress.parse(address)
                .flatMap(m -> accounts.findAccount(m.canonicalLocalPart(), m.domain()))
                .orElseThrow(() -> new AccountException("No such account: " + address));
    }

    private String aliasKey(String address) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0) {
            throw new AccountException("Not an address: " + address);
        }
        String domain = domainName(a.substring(at + 1));
        if (accounts.findDomain(domain).isEmpty()) {
            throw new AccountException("Not a local domain: " + domain);
        }
        String local = a.substring(0, at);
        if (local.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '@')) {
            throw new AccountException("Not an address: " + address);
        }
        return local + "@" + domain;
    }

    private static String domainName(String name) {
        String d = name == null ? "" : MailAddress.normalizeDomain(name);
        if (d.isEmpty() || d.length() > 253 || !d.matches("[a-z0-9.-]+")) {
            throw new AccountException("Not a domain name: " + name);
        }
        return d;
    }
}
