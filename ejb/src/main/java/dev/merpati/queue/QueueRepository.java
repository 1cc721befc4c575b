package dev.merpati.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The queue of record. Every stage locks the entry row before it looks at its state, so stages of
 * one entry (and local deliveries to its recipients) run one at a time.
 */
@ApplicationScoped
public class QueueRepository {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    /** Persists the entry and its recipients (case-insensitive duplicates dropped). */
    public QueueEntry enqueue(QueueEntry entry, Collection<String> recipients) {
        em.persist(entry);
        entry.setQueueId(QueueIds.of(entry.getId()));
        em.flush(); // foreign keys are plain id columns, not JPA relationships: insert the parent first
        for (String address : uniqueRecipients(recipients)) {
            em.persist(new QueueRecipient(entry.getId(), address));
        }
        return entry;
    }

    /**
     * Adds a destination found by expanding a recipient, unless the entry already has that address
     * (each destination gets one copy).
     */
    public Optional<QueueRecipient> addRecipient(long entryId, String address, Long parentId, Long accountId) {
        String lower = address.toLowerCase(Locale.ROOT);
        boolean known = recipients(entryId).stream()
                .anyMatch(r -> r.getAddress().toLowerCase(Locale.ROOT).equals(lower));
        if (known) {
            return Optional.empty();
        }
        QueueRecipient recipient = new QueueRecipient(entryId, address, parentId, accountId);
        em.persist(recipient);
        return Optional.of(recipient);
    }

    public Optional<QueueEntry> lock(long entryId) {
        return Optional.ofNullable(em.find(QueueEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<QueueRecipient> recipients(long entryId) {
        return em.createQuery(
                        "SELECT r FROM QueueRecipient r WHERE r.entryId = :entry ORDER BY r.id", QueueRecipient.class)
                .setParameter("entry", entryId)
                .getResultList();
    }

    public Optional<QueueRecipient> recipient(long recipientId) {
        return Optional.ofNullable(em.find(QueueRecipient.class, recipientId));
    }

    /** Entries not DONE, oldest first. */
    public List<QueueEntry> unfinished() {
        return em.createQuery("SELECT e FROM QueueEntry e WHERE e.state <> :done ORDER BY e.id", QueueEntry.class)
                .setParameter("done", QueueState.DONE)
                .getResultList();
    }

    public Optional<QueueEntry> findByQueueId(String queueId) {
        return em.createQuery("SELECT e FROM QueueEntry e WHERE e.queueId = :q", QueueEntry.class)
                .setParameter("q", queueId == null ? "" : queueId.strip().toUpperCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** Removes the entry; its recipients and delivery records go with it (ON DELETE CASCADE). */
    public void delete(QueueEntry entry) {
        em.createQuery("DELETE FROM QueueRecipient r WHERE r.entryId = :entry")
                .setParameter("entry", entry.getId())
                .executeUpdate();
        em.remove(entry);
    }

    /** Entries in the state since before the instant (by arrival), oldest first. */
    public List<QueueEntry> waitingSince(QueueState state, Instant before, int max) {
        return em.createQuery(
                        "SELECT e FROM QueueEntry e WHERE e.state = :state AND e.receivedAt < :before ORDER BY e.id",
                        QueueEntry.class)
                .setParameter("state", state)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** ACTIVE entries whose next attempt was due before the instant. */
    public List<QueueEntry> overdue(Instant before, int max) {
        return em.createQuery(
                        "SELECT e FROM QueueEntry e WHERE e.state = :state AND e.nextAttempt < :before ORDER BY e.id",
                        QueueEntry.class)
                .setParameter("state", QueueState.ACTIVE)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** Local recipients still PENDING in ACTIVE entries that arrived before the instant. */
    public List<QueueRecipient> pendingLocal(Instant before, int max) {
        return em.createQuery(
                        "SELECT r FROM QueueRecipient r, QueueEntry e WHERE r.entryId = e.id AND e.state = :state"
                                + " AND r.state = :pending AND r.accountId IS NOT NULL AND e.receivedAt < :before"
                                + " ORDER BY r.id",
                        QueueRecipient.class)
                .setParameter("state", QueueState.ACTIVE)
                .setParameter("pending", RecipientState.PENDING)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** Remote recipients still waiting for their SMTP delivery (their JMS message may be lost). */
    public List<QueueRecipient> pendingRemote(Instant before, int max) {
        return em.createQuery(
                        "SELECT r FROM QueueRecipient r, QueueEntry e WHERE r.entryId = e.id AND e.state = :state"
                                + " AND r.state = :pending AND r.accountId IS NULL AND e.receivedAt < :before"
                                + " ORDER BY r.id",
                        QueueRecipient.class)
                .setParameter("state", QueueState.ACTIVE)
                .setParameter("pending", RecipientState.PENDING)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** Marks the entry DONE when none of its recipients is still pending or deferred. */
    public void completeIfFinished(QueueEntry entry) {
        if (recipients(entry.getId()).stream().noneMatch(r -> r.getState().unfinished())) {
            entry.setState(QueueState.DONE);
        }
    }

    /** Recipients without blanks and case-insensitive duplicates, in their first spelling. */
    static Set<String> uniqueRecipients(Collection<String> recipients) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> unique = new LinkedHashSet<>();
        for (String address : recipients) {
            String trimmed = address.strip();
            if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                unique.add(trimmed);
            }
        }
        return unique;
    }
}
