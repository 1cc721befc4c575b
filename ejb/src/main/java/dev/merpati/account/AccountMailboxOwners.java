package dev.merpati.account;

import dev.merpati.mailbox.MailboxOwners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/**
 * Callers are named by their account's address (the identity store gives that name at login); the
 * quota is the account's own, if it has one.
 */
@ApplicationScoped
public class AccountMailboxOwners implements MailboxOwners {

    @Inject
    AccountRepository accounts;

    @Override
    public OptionalLong accountOf(String callerName) {
        return MailAddress.parse(callerName)
                .flatMap(a -> accounts.findAccount(a.canonicalLocalPart(), a.domain()))
                .map(account -> OptionalLong.of(account.getId()))
                .orElseGet(OptionalLong::empty);
    }

    @Override
    public OptionalLong quotaBytes(long accountId) {
        Long own = accounts.quotaBytes(accountId);
        return own == null ? OptionalLong.empty() : OptionalLong.of(own);
    }
}
