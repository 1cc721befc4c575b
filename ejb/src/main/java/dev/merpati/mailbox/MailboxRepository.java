package dev.merpati.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    Optional<Mailbox> find(long accountId, String name) {
        return em.createQuery("SELECT b FROM Mailbox b WHERE b.accountId = :account AND b.name = :name", Mailbox.class)
                .setParameter("account", accountId)
                .setParameter("name", canonicalName(name))
                .getResultStream()
                .findFirst();
    }

    /** The mailbox row locked for update: UIDNEXT and HIGHESTMODSEQ change only under this lock. */
    Optional<Mailbox> lock(long accountId, String name) {
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

    /** The account's folders by name. */
    List<Mailbox> folders(long accountId) {
        return em.createQuery("SELECT b FROM Mailbox b WHERE b.accountId = :account ORDER BY b.name", Mailbox.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /** A folder by id, whoever's it is (the caller checks the account). */
    Optional<Mailbox> find(long mailboxId) {
        return Optional.ofNullable(em.find(Mailbox.class, mailboxId));
    }

    /** Locks a folder's row for a change and reads it again: UIDNEXT and HIGHESTMODSEQ change only under this lock. */
    void lock(Mailbox mailbox) {
        em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(mailbox);
    }

    void add(Mailbox mailbox) {
        em.persist(mailbox);
    }

    /** Removes a folder; its messages must be gone first ({@link #deleteMessages}). */
    void remove(Mailbox mailbox) {
        em.remove(mailbox);
    }

    /** Removes all messages of a folder at once (DELETE of the folder: no expunge log, the folder goes too). */
    void deleteMessages(long mailboxId) {
        em.createQuery("DELETE FROM MailboxMessage m WHERE m.mailboxId = :mailbox")
                .setParameter("mailbox", mailboxId)
                .executeUpdate();
    }

    List<MailboxMessage> messagesByUid(long mailboxId, boolean newestFirst) {
        String order = newestFirst ? "DESC" : "ASC";
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox ORDER BY m.uid " + order,
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .getResultList();
    }

    /** Every message's id, UID and size in UID order, without loading the entities. */
    List<MessageRef> refsByUid(long mailboxId) {
        return em
                .createQuery(
                        "SELECT m.id, m.uid, m.octets FROM MailboxMessage m WHERE m.mailboxId = :mailbox ORDER BY m.uid",
                        Object[].class)
                .setParameter("mailbox", mailboxId)
                .getResultList()
                .stream()
                .map(r -> new MessageRef(number(r[0]), number(r[1]), number(r[2])))
                .toList();
    }

    /** Every message's flag columns in UID order, without loading the entities (SELECT of a big folder). */
    List<FlagRow> flagRowsByUid(long mailboxId) {
        List<Object[]> rows = em.createQuery(
                        "SELECT m.id, m.uid, m.modseq, m.seen, m.answered, m.flagged, m.deleted, m.draft"
                                + " FROM MailboxMessage m WHERE m.mailboxId = :mailbox ORDER BY m.uid",
                        Object[].class)
                .setParameter("mailbox", mailboxId)
                .getResultList();
        return rows.stream()
                .map(r -> new FlagRow(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        (Boolean) r[3],
                        (Boolean) r[4],
                        (Boolean) r[5],
                        (Boolean) r[6],
                        (Boolean) r[7]))
                .toList();
    }

    List<MailboxMessage> findMessages(long mailboxId, Collection<Long> messageIds) {
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.id IN :ids",
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("ids", messageIds)
                .getResultList();
    }

    /** The octets of all messages in all the account's folders (what its quota counts). */
    long octets(long accountId) {
        Number used = (Number) em.createNativeQuery("SELECT COALESCE(SUM(mm.size), 0) FROM mailbox_message mm"
                        + " JOIN mailbox m ON mm.mailbox_id = m.id WHERE m.account_id = ?1")
                .setParameter(1, accountId)
                .getSingleResult();
        return used.longValue();
    }

    /** Where a message is stored and how large it is, if it is in a folder of the account. */
    record BodyRef(long bodyId, long size) {}

    /** The body of a message of the account, in one query (this runs for every chunk of every read). */
    Optional<BodyRef> body(long accountId, long messageId) {
        return em.createQuery(
                        "SELECT m.bodyId, m.octets FROM MailboxMessage m, Mailbox b"
                                + " WHERE m.id = :id AND m.mailboxId = b.id AND b.accountId = :account",
                        Object[].class)
                .setParameter("id", messageId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst()
                .map(row -> new BodyRef(number(row[0]), number(row[1])));
    }

    void add(MailboxMessage message) {
        em.persist(message);
    }

    /**
     * Removes messages of one folder at one new MODSEQ and records their UIDs with it in the
     * folder's expunge log, for QRESYNC's VANISHED (EARLIER). The caller holds the folder's row lock.
     */
    void expunge(Mailbox mailbox, List<MailboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        long modseq = mailbox.nextModseq();
        for (MailboxMessage message : messages) {
            em.createNativeQuery("INSERT INTO mailbox_expunged (mailbox_id, uid, modseq) VALUES (?1, ?2, ?3)")
                    .setParameter(1, mailbox.getId())
                    .setParameter(2, message.getUid())
                    .setParameter(3, modseq)
                    .executeUpdate();
            em.remove(message);
        }
    }

    /**
     * The keywords of a folder's messages, by message id, in one query (of those among {@code
     * messageIds} when not {@code null}); messages without keywords are absent.
     */
    Map<Long, List<String>> keywords(long mailboxId, Collection<Long> messageIds) {
        Map<Long, List<String>> result = new HashMap<>();
        if (messageIds != null && messageIds.isEmpty()) {
            return result;
        }
        String jpql = "SELECT m.id, k FROM MailboxMessage m JOIN m.keywords k WHERE m.mailboxId = :mailbox"
                + (messageIds == null ? "" : " AND m.id IN :ids");
        List<Collection<Long>> chunks = new java.util.ArrayList<>();
        if (messageIds == null) {
            chunks.add(null);
        } else {
            List<Long> ids = List.copyOf(messageIds);
            for (int start = 0; start < ids.size(); start += 500) {
                chunks.add(ids.subList(start, Math.min(ids.size(), start + 500)));
            }
        }
        for (Collection<Long> chunk : chunks) {
            var query = em.createQuery(jpql, Object[].class).setParameter("mailbox", mailboxId);
            if (chunk != null) {
                query.setParameter("ids", chunk);
            }
            for (Object[] row : query.getResultList()) {
                result.computeIfAbsent((Long) row[0], id -> new java.util.ArrayList<>())
                        .add((String) row[1]);
            }
        }
        return result;
    }

    /** The UIDs expunged from a folder after MODSEQ {@code sinceModseq}, ascending. */
    List<Long> expungedSince(long mailboxId, long sinceModseq) {
        List<?> rows = em.createNativeQuery(
                        "SELECT uid FROM mailbox_expunged WHERE mailbox_id = ?1 AND modseq > ?2 ORDER BY uid")
                .setParameter(1, mailboxId)
                .setParameter(2, sinceModseq)
                .getResultList();
        return rows.stream().map(row -> ((Number) row).longValue()).toList();
    }

    static String canonicalName(String name) {
        return FolderNames.canonical(name);
    }

    void flush() {
        em.flush();
    }

    /** The folders below {@code parent}, locked for a rename. */
    List<Mailbox> lockChildren(long accountId, String parent) {
        return em.createQuery(
                        "SELECT b FROM Mailbox b WHERE b.accountId = :account AND b.name LIKE :prefix ESCAPE '!'",
                        Mailbox.class)
                .setParameter("account", accountId)
                .setParameter("prefix", likeEscape(parent + Mailbox.DELIMITER) + "%")
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** How many messages a folder has, how many of them are unseen, and their octets. */
    record Counts(long messages, long unseen, long octets) {

        static final Counts NONE = new Counts(0, 0, 0);
    }

    /** The counters of one folder. */
    Counts counts(long mailboxId) {
        Object[] counts = em.createQuery(
                        "SELECT COUNT(m), SUM(m.octets) FROM MailboxMessage m WHERE m.mailboxId = :mailbox",
                        Object[].class)
                .setParameter("mailbox", mailboxId)
                .getSingleResult();
        long unseen = em.createQuery(
                        "SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.seen = :seen",
                        Long.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("seen", false)
                .getSingleResult();
        return new Counts(number(counts[0]), unseen, number(counts[1]));
    }

    /** How many of a folder's messages are marked deleted. */
    long countDeleted(long mailboxId) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.deleted = :deleted",
                        Long.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("deleted", true)
                .getSingleResult();
    }

    /** How many of a folder's messages have a UID of at least {@code firstUid}. */
    long countFromUid(long mailboxId, long firstUid) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.uid >= :first",
                        Long.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("first", firstUid)
                .getSingleResult();
    }

    /** The counters of all the account's folders that have messages, by folder id, in two queries. */
    Map<Long, Counts> countsByFolder(long accountId) {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT m.mailboxId, COUNT(m), SUM(m.octets) FROM MailboxMessage m, Mailbox b"
                                + " WHERE m.mailboxId = b.id AND b.accountId = :account GROUP BY m.mailboxId",
                        Object[].class)
                .setParameter("account", accountId)
                .getResultList()) {
            counts.put((Long) row[0], new long[] {number(row[1]), 0, number(row[2])});
        }
        for (Object[] row : em.createQuery(
                        "SELECT m.mailboxId, COUNT(m) FROM MailboxMessage m, Mailbox b"
                                + " WHERE m.mailboxId = b.id AND b.accountId = :account AND m.seen = :seen"
                                + " GROUP BY m.mailboxId",
                        Object[].class)
                .setParameter("account", accountId)
                .setParameter("seen", false)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], id -> new long[3])[1] = number(row[1]);
        }
        Map<Long, Counts> result = new HashMap<>();
        counts.forEach((id, c) -> result.put(id, new Counts(c[0], c[1], c[2])));
        return result;
    }

    long count(long mailboxId) {
        return em.createQuery("SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox", Long.class)
                .setParameter("mailbox", mailboxId)
                .getSingleResult();
    }

    /** One page of a folder's messages in the requested order, ties broken by UID; the database sorts and cuts. */
    List<MailboxMessage> page(long mailboxId, PageRequest request) {
        String column =
                switch (request.sort()) {
                    case DATE -> "m.sortDate";
                    case ARRIVAL, UID -> null;
                    case FROM -> "m.sortFrom";
                    case TO -> "m.sortTo";
                    case SUBJECT -> "m.sortSubject";
                    case SIZE -> "m.octets";
                };
        String direction = request.descending() ? " DESC" : " ASC";
        String order = (column == null ? "" : column + direction + ", ") + "m.uid" + direction;
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox ORDER BY " + order,
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .setFirstResult(request.offset())
                .setMaxResults(request.limit())
                .getResultList();
    }

    /**
     * The messages of a folder that meet the criteria (all but a text search in the body, which the
     * caller does), in the requested order; {@code limit} below 0 means all.
     */
    List<MailboxMessage> search(long mailboxId, SearchCriteria criteria, PageRequest order, int offset, int limit) {
        String direction = order.descending() ? " DESC" : " ASC";
        String column = sortColumn(order.sort());
        var query = searchQuery(
                "SELECT m FROM MailboxMessage m",
                mailboxId,
                criteria,
                " ORDER BY " + (column == null ? "" : column + direction + ", ") + "m.uid" + direction,
                MailboxMessage.class);
        query.setFirstResult(offset);
        if (limit >= 0) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }

    /** How many messages of a folder meet the criteria (a text search in the body aside). */
    long countSearch(long mailboxId, SearchCriteria criteria) {
        return searchQuery("SELECT COUNT(m) FROM MailboxMessage m", mailboxId, criteria, "", Long.class)
                .getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> searchQuery(
            String select, long mailboxId, SearchCriteria criteria, String orderBy, Class<T> type) {
        StringBuilder where = new StringBuilder(" WHERE m.mailboxId = :mailbox");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("mailbox", mailboxId);
        if (criteria.text() != null && !criteria.searchesBody()) {
            List<String> any = new java.util.ArrayList<>();
            if (criteria.in().contains(SearchCriteria.Field.SUBJECT)) {
                any.add("LOWER(m.headerSubject) LIKE :text ESCAPE '!'");
            }
            if (criteria.in().contains(SearchCriteria.Field.FROM)) {
                any.add("LOWER(m.headerFrom) LIKE :text ESCAPE '!'");
            }
            if (criteria.in().contains(SearchCriteria.Field.TO)) {
                any.add("LOWER(m.headerTo) LIKE :text ESCAPE '!'");
            }
            where.append(" AND (").append(String.join(" OR ", any)).append(')');
            parameters.put("text", "%" + likeEscape(criteria.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (criteria.since() != null) {
            where.append(" AND m.sortDate >= :since");
            parameters.put("since", criteria.since());
        }
        if (criteria.before() != null) {
            where.append(" AND m.sortDate < :before");
            parameters.put("before", criteria.before());
        }
        for (Flag flag : Flag.values()) {
            if (criteria.with().contains(flag) || criteria.without().contains(flag)) {
                String name = flag.name().toLowerCase(java.util.Locale.ROOT);
                where.append(" AND m.").append(name).append(" = :").append(name);
                parameters.put(name, criteria.with().contains(flag));
            }
        }
        if (criteria.largerThan() != null) {
            where.append(" AND m.octets > :larger");
            parameters.put("larger", criteria.largerThan());
        }
        if (criteria.smallerThan() != null) {
            where.append(" AND m.octets < :smaller");
            parameters.put("smaller", criteria.smallerThan());
        }
        var query = em.createQuery(select + where + orderBy, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static String sortColumn(SortKey key) {
        return switch (key) {
            case DATE -> "m.sortDate";
            case ARRIVAL, UID -> null;
            case FROM -> "m.sortFrom";
            case TO -> "m.sortTo";
            case SUBJECT -> "m.sortSubject";
            case SIZE -> "m.octets";
        };
    }

    /** The UIDs of a folder's messages, ascending. */
    List<Long> uids(long mailboxId) {
        return em.createQuery(
                        "SELECT m.uid FROM MailboxMessage m WHERE m.mailboxId = :mailbox ORDER BY m.uid", Long.class)
                .setParameter("mailbox", mailboxId)
                .getResultList();
    }

    List<MailboxMessage> messagesWithUids(long mailboxId, Collection<Long> uids) {
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.uid IN :uids",
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("uids", uids)
                .getResultList();
    }

    List<MailboxMessage> deletedMessages(long mailboxId) {
        return em.createQuery(
                        "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.deleted = :deleted"
                                + " ORDER BY m.uid",
                        MailboxMessage.class)
                .setParameter("mailbox", mailboxId)
                .setParameter("deleted", true)
                .getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
