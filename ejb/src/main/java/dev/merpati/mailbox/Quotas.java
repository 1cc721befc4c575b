package dev.merpati.mailbox;

import dev.merpati.settings.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The account's storage quota (RFC 9208 STORAGE): the octets of all messages in all its folders
 * against the account's limit, or {@link MailSettings#defaultQuotaBytes()} when it has none.
 * Callers that store mail hold the target folder's row lock, so two deliveries to one INBOX cannot
 * both slip under the limit.
 */
@ApplicationScoped
public class Quotas {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    @Inject
    MailSettings settings;

    public Quota usage(long accountId) {
        long limit = limit(accountId);
        if (limit <= 0) {
            return new Quota(0, 0);
        }
        Number used = (Number) em.createNativeQuery("SELECT COALESCE(SUM(mm.size), 0) FROM mailbox_message mm"
                        + " JOIN mailbox m ON mm.mailbox_id = m.id WHERE m.account_id = ?1")
                .setParameter(1, accountId)
                .getSingleResult();
        return new Quota(used.longValue(), limit);
    }

    /** Whether storing {@code size} more octets would take the account over its quota. */
    public boolean exceededBy(long accountId, long size) {
        return usage(accountId).exceededBy(size);
    }

    private long limit(long accountId) {
        List<?> rows = em.createNativeQuery("SELECT quota_bytes FROM account WHERE id = ?1")
                .setParameter(1, accountId)
                .getResultList();
        Object own = rows.isEmpty() ? null : rows.get(0);
        if (own instanceof Number number) {
            return number.longValue();
        }
        return settings.defaultQuotaBytes();
    }
}
