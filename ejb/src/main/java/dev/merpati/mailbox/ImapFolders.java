package dev.merpati.mailbox;

import dev.merpati.connector.api.FolderChange;
import dev.merpati.connector.api.FolderInfo;
import dev.merpati.connector.api.FolderOutcome;
import dev.merpati.connector.api.FolderSnapshot;
import dev.merpati.connector.api.FolderStatus;
import dev.merpati.connector.api.MessageFlags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** IMAP folder commands over the mailbox store; runs in the caller's transaction. */
@ApplicationScoped
public class ImapFolders {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    Subscriptions subscriptions;

    public List<FolderInfo> list(long accountId) {
        List<FolderInfo> result = new ArrayList<>(
                em.createQuery("SELECT b FROM Mailbox b WHERE b.accountId = :account ORDER BY b.name", Mailbox.class)
                        .setParameter("account", accountId)
                        .getResultStream()
                        .map(b -> new FolderInfo(b.getName(), b.getSpecialUse(), b.isSubscribed()))
                        .toList());
        subscriptions.dangling(accountId).forEach(name -> result.add(FolderInfo.subscriptionOnly(name)));
        return result;
    }

    /** LIST-STATUS: the counters of those named folders that exist. */
    public List<FolderStatus> statuses(long accountId, List<String> names) {
        List<FolderStatus> result = new ArrayList<>();
        for (String name : names) {
            FolderStatus status = status(accountId, name);
            if (status != null) {
                result.add(status);
            }
        }
        return result;
    }

    public FolderOutcome change(long accountId, FolderChange change) {
        String name = normal(change.name());
        if (name == null) {
            return FolderOutcome.NOT_ALLOWED;
        }
        return switch (change.kind()) {
            case CREATE -> create(accountId, name);
            case DELETE -> delete(accountId, name);
            case RENAME -> rename(accountId, name, normal(change.newName()));
            case SUBSCRIBE -> subscribe(accountId, name);
            case UNSUBSCRIBE -> unsubscribe(accountId, name);
        };
    }

    /** A name without a folder may be subscribed too; it is listed as \NonExistent. */
    private FolderOutcome subscribe(long accountId, String name) {
        Optional<Mailbox> mailbox = mailboxes.lock(accountId, name);
        if (mailbox.isPresent()) {
            mailbox.get().setSubscribed(true);
        } else {
            subscriptions.keepDangling(accountId, name);
        }
        return FolderOutcome.DONE;
    }

    private FolderOutcome unsubscribe(long accountId, String name) {
        boolean removed = subscriptions.removeDangling(accountId, name);
        Optional<Mailbox> mailbox = mailboxes.lock(accountId, name);
        if (mailbox.isPresent()) {
            mailbox.get().setSubscribed(false);
            return FolderOutcome.DONE;
        }
        return removed ? FolderOutcome.DONE : FolderOutcome.NO_SUCH_FOLDER;
    }

    /** A folder now exists under {@code name}: a subscription kept for the name moves onto it. */
    private void adoptSubscription(long accountId, Mailbox mailbox) {
        if (subscriptions.removeDangling(accountId, mailbox.getName())) {
            mailbox.setSubscribed(true);
        }
    }

    private FolderOutcome create(long accountId, String name) {
        if (mailboxes.find(accountId, name).isPresent()) {
            return FolderOutcome.ALREADY_EXISTS;
        }
        Instant now = Instant.now();
        // Superior names are created too (RFC 3501 §6.3.3), so the hierarchy has no holes.
        int slash = -1;
        while ((slash = name.indexOf(Mailbox.DELIMITER, slash + 1)) > 0) {
            String parent = name.substring(0, slash);
            if (mailboxes.find(accountId, parent).isEmpty()) {
                Mailbox created = new Mailbox(accountId, parent, null, uidvalidity(now), now);
                em.persist(created);
                adoptSubscription(accountId, created);
            }
        }
        Mailbox created = new Mailbox(accountId, name, null, uidvalidity(now), now);
        em.persist(created);
        adoptSubscription(accountId, created);
        return FolderOutcome.DONE;
    }

    private FolderOutcome delete(long accountId, String name) {
        if (name.equals(Mailbox.INBOX)) {
            return FolderOutcome.NOT_ALLOWED;
        }
        Optional<Mailbox> mailbox = mailboxes.lock(accountId, name);
        if (mailbox.isEmpty()) {
            return FolderOutcome.NO_SUCH_FOLDER;
        }
        em.createQuery("DELETE FROM MailboxMessage m WHERE m.mailboxId = :mailbox")
                .setParameter("mailbox", mailbox.get().getId())
                .executeUpdate();
        if (mailbox.get().isSubscribed()) {
            // the subscription outlives the folder (RFC 3501 §6.3.6)
            subscriptions.keepDangling(accountId, name);
        }
        em.remove(mailbox.get());
        return FolderOutcome.DONE;
    }

    private FolderOutcome rename(long accountId, String from, String to) {
        if (to == null || to.equals(Mailbox.INBOX) || to.startsWith(from + Mailbox.DELIMITER)) {
            return FolderOutcome.NOT_ALLOWED;
        }
        if (mailboxes.find(accountId, to).isPresent()) {
            return FolderOutcome.ALREADY_EXISTS;
        }
        Optional<Mailbox> source = mailboxes.lock(accountId, from);
        if (source.isEmpty()) {
            return FolderOutcome.NO_SUCH_FOLDER;
        }
        if (from.equals(Mailbox.INBOX)) {
            // Renaming INBOX moves its messages to the new folder and leaves INBOX empty (§6.3.5).
            create(accountId, to);
            em.flush();
            Mailbox target = mailboxes.lock(accountId, to).orElseThrow();
            List<MailboxMessage> moved = mailboxes.messagesByUid(source.get().getId(), false);
            for (MailboxMessage message : moved) {
                em.persist(message.copyTo(target));
            }
            mailboxes.expunge(source.get(), moved);
            return FolderOutcome.DONE;
        }
        List<Mailbox> children = em.createQuery(
                        "SELECT b FROM Mailbox b WHERE b.accountId = :account AND b.name LIKE :prefix ESCAPE '!'",
                        Mailbox.class)
                .setParameter("account", accountId)
                .setParameter("prefix", likeEscape(from + Mailbox.DELIMITER) + "%")
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Mailbox child : children) {
            child.rename(to + child.getName().substring(from.length()));
            adoptSubscription(accountId, child);
        }
        source.get().rename(to);
        adoptSubscription(accountId, source.get());
        return FolderOutcome.DONE;
    }

    public FolderStatus status(long accountId, String name) {
        return mailboxes.find(accountId, normal(name)).map(this::status).orElse(null);
    }

    private FolderStatus status(Mailbox mailbox) {
        Object[] counts = em.createQuery(
                        "SELECT COUNT(m), SUM(m.octets) FROM MailboxMessage m WHERE m.mailboxId = :mailbox",
                        Object[].class)
                .setParameter("mailbox", mailbox.getId())
                .getSingleResult();
        long unseen = em.createQuery(
                        "SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.seen = :seen",
                        Long.class)
                .setParameter("mailbox", mailbox.getId())
                .setParameter("seen", false)
                .getSingleResult();
        long deleted = em.createQuery(
                        "SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.deleted = :deleted",
                        Long.class)
                .setParameter("mailbox", mailbox.getId())
                .setParameter("deleted", true)
                .getSingleResult();
        long recent = em.createQuery(
                        "SELECT COUNT(m) FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.uid >= :first",
                        Long.class)
                .setParameter("mailbox", mailbox.getId())
                .setParameter("first", mailbox.getFirstRecentUid())
                .getSingleResult();
        return new FolderStatus(
                mailbox.getId(),
                mailbox.getName(),
                number(counts[0]),
                recent,
                unseen,
                mailbox.getUidvalidity(),
                mailbox.getUidnext(),
                mailbox.getHighestmodseq(),
                number(counts[1]),
                deleted);
    }

    public FolderSnapshot select(long accountId, String name, boolean readOnly) {
        return mailboxes
                .find(accountId, normal(name))
                .map(mailbox -> snapshot(mailbox, !readOnly))
                .orElse(null);
    }

    public FolderSnapshot changesSince(long accountId, long folderId, long knownModseq, boolean claimRecent) {
        Mailbox mailbox = owned(accountId, folderId);
        if (mailbox == null) {
            // The folder was deleted under the session: it now looks empty.
            return new FolderSnapshot(new FolderStatus(folderId, "", 0, 0, 0, 0, 0, knownModseq + 1, 0, 0), List.of());
        }
        return mailbox.getHighestmodseq() > knownModseq ? snapshot(mailbox, claimRecent) : null;
    }

    /**
     * The folder's messages and counters; with {@code claimRecent} the messages no session has seen
     * as \Recent yet become this session's (under the folder's row lock, so only one session gets
     * them), else they are reported as \Recent without being claimed (EXAMINE).
     */
    private FolderSnapshot snapshot(Mailbox mailbox, boolean claimRecent) {
        if (claimRecent && mailbox.hasUnclaimedRecent()) {
            em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(mailbox);
        }
        long firstRecent = mailbox.getFirstRecentUid();
        if (claimRecent && mailbox.hasUnclaimedRecent()) {
            mailbox.claimRecent();
        }
        java.util.Map<Long, List<String>> keywords = mailboxes.keywords(mailbox.getId(), null);
        List<MessageFlags> messages = mailboxes.flagRowsByUid(mailbox.getId()).stream()
                .map(m -> ImapFlags.of(m, keywords.getOrDefault(m.id(), List.of())))
                .toList();
        long unseen = messages.stream()
                .filter(m -> !m.flags().contains(ImapFlags.SEEN))
                .count();
        List<Long> recent = messages.stream()
                .map(MessageFlags::uid)
                .filter(uid -> uid >= firstRecent)
                .toList();
        return new FolderSnapshot(
                new FolderStatus(
                        mailbox.getId(),
                        mailbox.getName(),
                        messages.size(),
                        recent.size(),
                        unseen,
                        mailbox.getUidvalidity(),
                        mailbox.getUidnext(),
                        mailbox.getHighestmodseq(),
                        0,
                        0),
                messages,
                recent);
    }

    /** QRESYNC: the UIDs expunged from the folder after {@code sinceModseq}, ascending. */
    public List<Long> vanished(long accountId, long folderId, long sinceModseq) {
        return owned(accountId, folderId) == null ? List.of() : mailboxes.expungedSince(folderId, sinceModseq);
    }

    /** The folder if it belongs to the account, else {@code null}. */
    Mailbox owned(long accountId, long folderId) {
        Mailbox mailbox = em.find(Mailbox.class, folderId);
        return mailbox != null && mailbox.getAccountId() == accountId ? mailbox : null;
    }

    /** Canonical form of a folder name, or {@code null} when it is not acceptable. */
    static String normal(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name;
        while (trimmed.endsWith(String.valueOf(Mailbox.DELIMITER))) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()
                || trimmed.length() > 500
                || trimmed.startsWith("/")
                || trimmed.contains("//")
                || trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '*' || c == '%')) {
            return null;
        }
        return MailboxRepository.canonicalName(trimmed);
    }

    private static long uidvalidity(Instant now) {
        // Seconds since the epoch: a folder re-created later gets a larger UIDVALIDITY.
        return now.getEpochSecond();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
