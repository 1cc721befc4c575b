package dev.merpati.mailbox;

import dev.merpati.settings.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/**
 * The account's storage quota (RFC 9208 STORAGE): the octets of all messages in all its folders
 * against the account's limit, or {@link MailSettings#defaultQuotaBytes()} when it has none.
 * Callers that store mail hold the target folder's row lock, so two deliveries to one INBOX cannot
 * both slip under the limit.
 */
@ApplicationScoped
public class Quotas {

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxOwners owners;

    @Inject
    MailSettings settings;

    public Quota usage(long accountId) {
        long limit = limit(accountId);
        if (limit <= 0) {
            return new Quota(0, 0);
        }
        return new Quota(mailboxes.octets(accountId), limit);
    }

    /** Whether storing {@code size} more octets would take the account over its quota. */
    public boolean exceededBy(long accountId, long size) {
        return usage(accountId).exceededBy(size);
    }

    private long limit(long accountId) {
        OptionalLong own = owners.quotaBytes(accountId);
        return own.isPresent() ? own.getAsLong() : settings.defaultQuotaBytes();
    }
}
