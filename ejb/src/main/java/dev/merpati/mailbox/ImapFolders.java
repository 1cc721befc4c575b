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
import java.util.ArrayList;
import java.util.List;

/** IMAP folder commands over the mailbox store; runs in the caller's transaction. */
@ApplicationScoped
public class ImapFolders {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    MailboxStore store;

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
        FolderResult result =
                switch (change.kind()) {
                    case CREATE -> store.createFolder(accountId, change.name());
                    case DELETE -> store.deleteFolder(accountId, change.name());
                    case RENAME -> store.renameFolder(accountId, change.name(), change.newName());
                    case SUBSCRIBE -> store.subscribe(accountId, change.name(), true);
                    case UNSUBSCRIBE -> store.subscribe(accountId, change.name(), false);
                };
        return switch (result) {
            case DONE -> FolderOutcome.DONE;
            case NO_SUCH_FOLDER -> FolderOutcome.NO_SUCH_FOLDER;
            case ALREADY_EXISTS -> FolderOutcome.ALREADY_EXISTS;
            case NOT_ALLOWED -> FolderOutcome.NOT_ALLOWED;
        };
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

    Mailbox owned(long accountId, long folderId) {
        return store.owned(accountId, folderId);
    }

    static String normal(String name) {
        return FolderNames.normal(name);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
