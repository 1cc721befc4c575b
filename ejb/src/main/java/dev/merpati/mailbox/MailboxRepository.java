package dev.merpati.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MailboxRepository {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    public void createDefaultFolders(long accountId, Instant now) {
        for (DefaultFolders.Folder folder : DefaultFolders.ALL) {
            em.persist(new Mailbox(accountId, folder.name(), folder.specialUse(), now.getEpochSecond(), now));
        }
    }

    public Optional<Mailbox> find(long accountId, String name) {
        return em.createQuery("SELECT b FROM Mailbox b WHERE b.accountId = :account AND b.name = :name", Mailbox.class)
                .setParameter("account", accountId)
                .setParameter("name", canonicalName(name))
                .getResultStream()
                .findFirst();
    }

    /** The mailbox row locked for update: UIDNEXT and HIGHESTMODSEQ change only under this lock. */
    public Optional<Mailbox> lock(long accountId, String name) {
        return em.createQuery("SELECT b FROM Mailbox b WHERE b.accountId = :account AND b.name = :name", Mailbox.class)
                .setParameter("account", accountId)
                .setParameter("name", canonicalName(name))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** Locks the account's INBOX, creating it when an older account lacks one. */
    public Mailbox lockInbox(long accountId) {
        return lock(accountId, Mailbox.INBOX).orElseGet(() -> {
            Instant now = Instant.now();
            Mailbox inbox = new Mailbox(accountId, Mailbox.INBOX, null, now.getEpochSecond(), now);
            em.persist(inbox);
            em.flush();
            em.lock(inbox, LockModeType.PESSIMISTIC_WRITE);
            return inbox;
        });
    }

    public List<MailboxMessage> messagesByUid(long mailboxId, boolean newestFirst) {
        String order = newestFirst ? "DESC" : "ASC";
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox ORDER BY m.uid " + order,
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .getResultList();
    }

    public Optional<MailboxMessage> findMessage(long accountId, String mailboxName, long messageId) {
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m, Mailbox b WHERE m.id = :id AND m.mailboxId = b.id"
                                + " AND b.accountId = :account AND b.name = :name",
                        MailboxMessage.class)
                .setParameter("id", messageId)
                .setParameter("account", accountId)
                .setParameter("name", canonicalName(mailboxName))
                .getResultStream()
                .findFirst();
    }

    public List<MailboxMessage> findMessages(long mailboxId, Collection<Long> messageIds) {
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.id IN :ids",
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("ids", messageIds)
                .getResultList();
    }

    public void add(MailboxMessage message) {
        em.persist(message);
    }

    public void remove(MailboxMessage message) {
        em.remove(message);
    }

    /** INBOX is case-insensitive (RFC 3501 §5.1); other names are exact. */
    static String canonicalName(String name) {
        return Mailbox.INBOX.equalsIgnoreCase(name) ? Mailbox.INBOX : name;
    }
}
