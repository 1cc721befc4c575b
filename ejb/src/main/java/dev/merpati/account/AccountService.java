package dev.merpati.account;

import dev.merpati.mailbox.MailboxRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Creates accounts and checks their credentials; used by the web tier and the protocol servers. */
@Stateless
public class AccountService {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @Inject
    AccountRepository accounts;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    AuthCacheHolder authCache;

    /**
     * @param login a full address, or a bare local part meaning the primary (first created) domain
     * @return the account when the password matches
     */
    public Optional<AccountRef> authenticate(String login, String password) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        AuthCache cache = authCache.cache();
        Optional<AuthCache.Result> remembered = cache.lookup(login, password);
        if (remembered.isPresent()) {
            return remembered.get().account();
        }
        Optional<AccountRef> result = check(login, password);
        cache.store(login, password, result);
        return result;
    }

    private Optional<AccountRef> check(String login, String password) {
        Optional<Account> account = resolveLogin(login.strip());
        if (account.isEmpty()) {
            HASHER.verifyDummy(password);
            return Optional.empty();
        }
        Account found = account.get();
        if (!HASHER.verify(password, found.getPasswordHash())) {
            return Optional.empty();
        }
        if (HASHER.needsRehash(found.getPasswordHash())) {
            found.setPasswordHash(HASHER.hash(password));
        }
        return Optional.of(found.ref());
    }

    /**
     * Creates the account, its domain when missing, the INBOX and the special-use folders.
     *
     * @throws AccountException when the address is malformed, the password empty or the account exists
     */
    public AccountRef createAccount(String address, String password) {
        MailAddress parsed =
                MailAddress.parse(address).orElseThrow(() -> new AccountException("Not a mail address: " + address));
        if (password == null || password.isEmpty()) {
            throw new AccountException("The password must not be empty");
        }
        String local = parsed.canonicalLocalPart();
        if (local.length() > 64 || parsed.domain().length() > 253) {
            throw new AccountException("Address too long: " + address);
        }
        Instant now = Instant.now();
        Domain domain = accounts.findDomain(parsed.domain())
                .orElseGet(() -> accounts.addDomain(new Domain(parsed.domain(), now)));
        if (accounts.findAccount(local, domain.getName()).isPresent()) {
            throw new AccountException("Account exists: " + local + "@" + domain.getName());
        }
        Account account = accounts.addAccount(new Account(domain, local, HASHER.hash(password), now));
        accounts.flush(); // mailbox.account_id is a plain id column: insert the account first
        mailboxes.createDefaultFolders(account.getId(), now);
        authCache.accountCreated();
        return account.ref();
    }

    /**
     * Sets a new password; logins remembered with the old one are forgotten.
     *
     * @return {@code false} when there is no such account
     * @throws AccountException when the password is empty
     */
    public boolean setPassword(String address, String password) {
        if (password == null || password.isEmpty()) {
            throw new AccountException("The password must not be empty");
        }
        Optional<Account> found =
                MailAddress.parse(address).flatMap(a -> accounts.findAccount(a.canonicalLocalPart(), a.domain()));
        found.ifPresent(account -> {
            account.setPasswordHash(HASHER.hash(password));
            authCache.passwordChanged(account.getId());
        });
        return found.isPresent();
    }

    /**
     * Sets the account's storage quota in octets (0: unlimited, {@code null}: the default).
     *
     * @return {@code false} when there is no such account
     */
    public boolean setQuota(String address, Long bytes) {
        if (bytes != null && bytes < 0) {
            throw new AccountException("A quota cannot be negative");
        }
        Optional<Account> found =
                MailAddress.parse(address).flatMap(a -> accounts.findAccount(a.canonicalLocalPart(), a.domain()));
        found.ifPresent(account -> account.setQuotaBytes(bytes));
        return found.isPresent();
    }

    public Optional<AccountRef> findAccount(String address) {
        return MailAddress.parse(address)
                .flatMap(a -> accounts.findAccount(a.canonicalLocalPart(), a.domain()))
                .map(Account::ref);
    }

    private Optional<Account> resolveLogin(String login) {
        if (login.indexOf('@') >= 0) {
            return MailAddress.parse(login).flatMap(a -> accounts.findAccount(a.canonicalLocalPart(), a.domain()));
        }
        return accounts.primaryDomain()
                .flatMap(d ->
                        accounts.findAccount(new MailAddress(login, d.getName()).canonicalLocalPart(), d.getName()));
    }
}
