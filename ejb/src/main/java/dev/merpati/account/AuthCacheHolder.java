package dev.merpati.account;

import dev.merpati.settings.MailSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The server's one {@link AuthCache}, sized by the settings: {@link MailSettings#authCacheTtl()} (how
 * long a successful login is remembered, like Dovecot's auth_cache_ttl), {@link
 * MailSettings#authCacheNegativeTtl()} (a failed one) and {@link MailSettings#authCacheSize()}.
 */
@ApplicationScoped
public class AuthCacheHolder {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    MailSettings settings;

    private volatile AuthCache cache;

    public AuthCache cache() {
        AuthCache c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = new AuthCache(
                            settings.authCacheTtl(), settings.authCacheNegativeTtl(), settings.authCacheSize());
                    cache = c;
                }
            }
        }
        return c;
    }

    /**
     * Forgets the account's remembered logins now and again once the transaction has ended: a login
     * checked against the old hash before the commit must not stay remembered either.
     */
    public void passwordChanged(long accountId) {
        AuthCache c = cache();
        c.passwordChanged(accountId);
        afterTransaction(() -> c.passwordChanged(accountId));
    }

    /** Forgets remembered failures once the transaction that creates an account has ended. */
    public void accountCreated() {
        afterTransaction(cache()::accountCreated);
    }

    private void afterTransaction(Runnable action) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
