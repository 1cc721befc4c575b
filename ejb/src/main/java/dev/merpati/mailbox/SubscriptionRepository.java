package dev.merpati.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Subscribed names that have no folder (table dangling_subscription): a subscription outlives its
 * deleted folder, and SUBSCRIBE may name a folder before it exists. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SubscriptionRepository {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    public List<String> dangling(long accountId) {
        List<?> rows = em.createNativeQuery("SELECT name FROM dangling_subscription WHERE account_id = ? ORDER BY name")
                .setParameter(1, accountId)
                .getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    public void keepDangling(long accountId, String name) {
        Number present = (Number)
                em.createNativeQuery("SELECT COUNT(*) FROM dangling_subscription WHERE account_id = ? AND name = ?")
                        .setParameter(1, accountId)
                        .setParameter(2, name)
                        .getSingleResult();
        if (present.longValue() == 0) {
            em.createNativeQuery("INSERT INTO dangling_subscription (account_id, name) VALUES (?, ?)")
                    .setParameter(1, accountId)
                    .setParameter(2, name)
                    .executeUpdate();
        }
    }

    /** @return whether there was one */
    public boolean removeDangling(long accountId, String name) {
        return em.createNativeQuery("DELETE FROM dangling_subscription WHERE account_id = ? AND name = ?")
                        .setParameter(1, accountId)
                        .setParameter(2, name)
                        .executeUpdate()
                > 0;
    }
}
