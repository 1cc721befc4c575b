package dev.merpati.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The proofs of local delivery, one per queue recipient. Runs in the caller's transaction. */
@ApplicationScoped
public class DeliveryRecordRepository {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    /** Whether the recipient was delivered already (a redelivered queue message finds its record). */
    public boolean delivered(long recipientId) {
        return !em.createQuery("SELECT d.id FROM DeliveryRecord d WHERE d.recipientId = :recipient", Long.class)
                .setParameter("recipient", recipientId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * Keeps the record. What is pending is written first: the schema's foreign keys are not JPA
     * relationships, so the mailbox message the record names must be inserted before it.
     */
    public void add(DeliveryRecord record) {
        em.flush();
        em.persist(record);
    }
}
