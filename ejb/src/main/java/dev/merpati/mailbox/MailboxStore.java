package dev.merpati.mailbox;

import dev.merpati.mailbox.ordering.BaseSubject;
import dev.merpati.mailbox.ordering.OrderedMessage;
import dev.merpati.mailbox.ordering.OrderingHeaders;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyInputStream;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mail of one account: its folders and messages, with the operations every front end needs.
 * Every call names the account and reaches only that account's folders and messages; a folder or
 * message of another account is "not there". Runs in the caller's transaction.
 *
 * <p>The {@link MailboxService} calls it for the logged-in user; the POP3 and IMAP endpoints call
 * it for the account their session logged in to.
 */
@ApplicationScoped
public class MailboxStore {

    /** The longest keyword kept (the message_keyword column). */
    public static final int MAX_KEYWORD = 255;

    private static final int IN_LIST_LIMIT = 500;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    Quotas quotas;

    @Inject
    BodyStore bodies;

    @Inject
    MessageAppender appender;

    @Inject
    MailboxChangeSignals signals;

    // ---- folders

    /** The account's folders by path, with their counters. */
    public List<Folder> folders(long accountId) {
        Map<Long, MailboxRepository.Counts> counts = mailboxes.countsByFolder(accountId);
        return mailboxes.folders(accountId).stream()
                .map(b -> folder(b, counts.getOrDefault(b.getId(), MailboxRepository.Counts.NONE)))
                .toList();
    }

    /** One folder with its counters. */
    public Optional<Folder> folder(long accountId, String path) {
        String name = FolderNames.normal(path);
        return name == null ? Optional.empty() : mailboxes.find(accountId, name).map(this::folder);
    }

    /** The account's folders by path, without counting their messages (a folder list without numbers). */
    public List<FolderEntry> folderEntries(long accountId) {
        return mailboxes.folders(accountId).stream().map(MailboxStore::entry).toList();
    }

    /** One folder without counting its messages. */
    public Optional<FolderEntry> folderEntry(long accountId, String path) {
        String name = FolderNames.normal(path);
        return name == null ? Optional.empty() : mailboxes.find(accountId, name).map(MailboxStore::entry);
    }

    /** One folder with all its counters, also of the messages marked deleted and of the recent ones. */
    public Optional<FolderCounts> folderCounts(long accountId, String path) {
        String name = FolderNames.normal(path);
        return name == null
                ? Optional.empty()
                : mailboxes
                        .find(accountId, name)
                        .map(mailbox -> new FolderCounts(
                                folder(mailbox),
                                mailboxes.countFromUid(mailbox.getId(), mailbox.getFirstRecentUid()),
                                mailboxes.countDeleted(mailbox.getId())));
    }

    /** Subscribed names that have no folder (kept after DELETE, or made before CREATE). */
    public List<String> subscriptionsWithoutFolder(long accountId) {
        return subscriptions.dangling(accountId);
    }

    /** Creates the folder and any missing folder above it. */
    public FolderResult createFolder(long accountId, String path) {
        String name = FolderNames.normal(path);
        if (name == null) {
            return FolderResult.NOT_ALLOWED;
        }
        if (mailboxes.find(accountId, name).isPresent()) {
            return FolderResult.ALREADY_EXISTS;
        }
        Instant now = Instant.now();
        // Superior names are created too (RFC 3501 §6.3.3), so the hierarchy has no holes.
        int slash = -1;
        while ((slash = name.indexOf(Mailbox.DELIMITER, slash + 1)) > 0) {
            String parent = name.substring(0, slash);
            if (mailboxes.find(accountId, parent).isEmpty()) {
                persistFolder(accountId, parent, now);
            }
        }
        persistFolder(accountId, name, now);
        mailboxes.flush();
        return FolderResult.DONE;
    }

    private void persistFolder(long accountId, String name, Instant now) {
        Mailbox created = new Mailbox(accountId, name, null, uidvalidity(now), now);
        mailboxes.add(created);
        adoptSubscription(accountId, created);
    }

    /** Deletes the folder and its messages; its subfolders stay. INBOX cannot be deleted. */
    public FolderResult deleteFolder(long accountId, String path) {
        String name = FolderNames.normal(path);
        if (name == null || name.equals(Mailbox.INBOX)) {
            return FolderResult.NOT_ALLOWED;
        }
        Optional<Mailbox> mailbox = mailboxes.lock(accountId, name);
        if (mailbox.isEmpty()) {
            return FolderResult.NO_SUCH_FOLDER;
        }
        mailboxes.deleteMessages(mailbox.get().getId());
        if (mailbox.get().isSubscribed()) {
            // the subscription outlives the folder (RFC 3501 §6.3.6)
            subscriptions.keepDangling(accountId, name);
        }
        mailboxes.remove(mailbox.get());
        return FolderResult.DONE;
    }

    /**
     * Renames the folder with its subfolders. Renaming INBOX moves its messages to a new folder and
     * leaves INBOX empty (RFC 3501 §6.3.5).
     */
    public FolderResult renameFolder(long accountId, String fromPath, String toPath) {
        String from = FolderNames.normal(fromPath);
        String to = FolderNames.normal(toPath);
        if (from == null
                || to == null
                || to.equals(Mailbox.INBOX)
                || to.equals(from)
                || to.startsWith(from + Mailbox.DELIMITER)) {
            return FolderResult.NOT_ALLOWED;
        }
        if (mailboxes.find(accountId, to).isPresent()) {
            return FolderResult.ALREADY_EXISTS;
        }
        Optional<Mailbox> source = mailboxes.lock(accountId, from);
        if (source.isEmpty()) {
            return FolderResult.NO_SUCH_FOLDER;
        }
        if (from.equals(Mailbox.INBOX)) {
            createFolder(accountId, to);
            Mailbox target = mailboxes.lock(accountId, to).orElseThrow();
            List<MailboxMessage> moved = mailboxes.messagesByUid(source.get().getId(), false);
            for (MailboxMessage message : moved) {
                mailboxes.add(message.copyTo(target));
            }
            mailboxes.expunge(source.get(), moved);
            return FolderResult.DONE;
        }
        for (Mailbox child : mailboxes.lockChildren(accountId, from)) {
            child.rename(to + child.getName().substring(from.length()));
            adoptSubscription(accountId, child);
        }
        source.get().rename(to);
        adoptSubscription(accountId, source.get());
        return FolderResult.DONE;
    }

    /** Subscribes to a name or ends the subscription; a name without a folder may be subscribed too. */
    public FolderResult subscribe(long accountId, String path, boolean subscribed) {
        String name = FolderNames.normal(path);
        if (name == null) {
            return FolderResult.NOT_ALLOWED;
        }
        if (subscribed) {
            Optional<Mailbox> mailbox = mailboxes.lock(accountId, name);
            if (mailbox.isPresent()) {
                mailbox.get().setSubscribed(true);
            } else {
                subscriptions.keepDangling(accountId, name);
            }
            return FolderResult.DONE;
        }
        boolean removed = subscriptions.removeDangling(accountId, name);
        Optional<Mailbox> mailbox = mailboxes.lock(accountId, name);
        if (mailbox.isPresent()) {
            mailbox.get().setSubscribed(false);
            return FolderResult.DONE;
        }
        return removed ? FolderResult.DONE : FolderResult.NO_SUCH_FOLDER;
    }

    /** A folder now exists under its name: a subscription kept for the name moves onto it. */
    private void adoptSubscription(long accountId, Mailbox mailbox) {
        if (subscriptions.removeDangling(accountId, mailbox.getName())) {
            mailbox.setSubscribed(true);
        }
    }

    // ---- keeping a folder in sync

    /**
     * The folder as a client that keeps it in sync holds it, every message with its flags.
     *
     * @param claimRecent the messages no session has taken as recent yet become the caller's (under
     *     the folder's row lock, so only one session gets them); else they are reported as recent
     *     without being taken (a read-only session)
     */
    public Optional<FolderSync> syncState(long accountId, String path, boolean claimRecent) {
        String name = FolderNames.normal(path);
        return name == null
                ? Optional.empty()
                : mailboxes.find(accountId, name).map(mailbox -> syncState(mailbox, claimRecent));
    }

    /** {@link #syncState(long, String, boolean)} of a folder named by id. */
    public Optional<FolderSync> syncState(long accountId, long folderId, boolean claimRecent) {
        return Optional.ofNullable(owned(accountId, folderId)).map(mailbox -> syncState(mailbox, claimRecent));
    }

    /** The folder's HIGHESTMODSEQ: whether anything changed since a MODSEQ a client knows; empty when not there. */
    public OptionalLong highestModseq(long accountId, long folderId) {
        Mailbox mailbox = owned(accountId, folderId);
        return mailbox == null ? OptionalLong.empty() : OptionalLong.of(mailbox.getHighestmodseq());
    }

    /** The UIDs expunged from the folder after MODSEQ {@code sinceModseq}, ascending (RFC 7162 VANISHED). */
    public List<Long> expungedSince(long accountId, long folderId, long sinceModseq) {
        return owned(accountId, folderId) == null ? List.of() : mailboxes.expungedSince(folderId, sinceModseq);
    }

    private FolderSync syncState(Mailbox mailbox, boolean claimRecent) {
        if (claimRecent && mailbox.hasUnclaimedRecent()) {
            mailboxes.lock(mailbox);
        }
        long firstRecent = mailbox.getFirstRecentUid();
        if (claimRecent && mailbox.hasUnclaimedRecent()) {
            mailbox.claimRecent();
        }
        Map<Long, List<String>> keywords = mailboxes.keywords(mailbox.getId(), null);
        List<MessageFlagState> messages = mailboxes.flagRowsByUid(mailbox.getId()).stream()
                .map(row -> new MessageFlagState(
                        row.uid(),
                        row.modseq(),
                        Flag.of(row.seen(), row.answered(), row.flagged(), row.deleted(), row.draft()),
                        keywordList(keywords.get(row.id()))))
                .toList();
        List<Long> recent = messages.stream()
                .map(MessageFlagState::uid)
                .filter(uid -> uid >= firstRecent)
                .toList();
        return new FolderSync(
                mailbox.getId(),
                mailbox.getName(),
                mailbox.getUidvalidity(),
                mailbox.getUidnext(),
                mailbox.getHighestmodseq(),
                messages,
                recent);
    }

    // ---- messages

    /** A page of the folder's message list, ordered and cut by the database. */
    public Optional<Page> page(long accountId, long folderId, PageRequest request) {
        if (owned(accountId, folderId) == null) {
            return Optional.empty();
        }
        List<MailboxMessage> rows = mailboxes.page(folderId, request);
        Map<Long, List<String>> keywords = mailboxes.keywords(
                folderId, rows.stream().map(MailboxMessage::getId).toList());
        List<MessageSummary> lines = rows.stream()
                .map(m -> summary(m, keywords.getOrDefault(m.getId(), List.of())))
                .toList();
        return Optional.of(new Page(lines, mailboxes.count(folderId)));
    }

    /** A text search in the body reads at most this many messages of a folder, newest first by the order asked. */
    static final int BODY_SEARCH_LIMIT = 5000;

    /**
     * A page of the folder's messages that meet the criteria, ordered and cut by the database; a
     * text search in the body reads the candidates in order (at most {@value #BODY_SEARCH_LIMIT}), so
     * its total counts the matches among those.
     */
    public Optional<Page> search(long accountId, long folderId, SearchCriteria criteria, PageRequest request) {
        if (owned(accountId, folderId) == null) {
            return Optional.empty();
        }
        List<MailboxMessage> rows;
        long total;
        if (criteria.searchesBody()) {
            String text = criteria.text().toLowerCase(java.util.Locale.ROOT);
            List<MailboxMessage> matches = mailboxes.search(folderId, criteria, request, 0, BODY_SEARCH_LIMIT).stream()
                    .filter(m -> headerContains(m, criteria, text)
                            || new StoredMessage(m, List.of(), bodies).contains(text, false))
                    .toList();
            total = matches.size();
            rows = matches.subList(
                    Math.min(request.offset(), matches.size()),
                    Math.min(request.offset() + request.limit(), matches.size()));
        } else {
            rows = mailboxes.search(folderId, criteria, request, request.offset(), request.limit());
            total = mailboxes.countSearch(folderId, criteria);
        }
        Map<Long, List<String>> keywords = mailboxes.keywords(
                folderId, rows.stream().map(MailboxMessage::getId).toList());
        return Optional.of(new Page(
                rows.stream()
                        .map(m -> summary(m, keywords.getOrDefault(m.getId(), List.of())))
                        .toList(),
                total));
    }

    private static boolean headerContains(MailboxMessage m, SearchCriteria criteria, String text) {
        return (criteria.in().contains(SearchCriteria.Field.SUBJECT)
                        && lower(m.getHeaderSubject()).contains(text))
                || (criteria.in().contains(SearchCriteria.Field.FROM)
                        && lower(m.getHeaderFrom()).contains(text))
                || (criteria.in().contains(SearchCriteria.Field.TO)
                        && lower(m.getHeaderTo()).contains(text));
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
    }

    /** One message with its envelope and MIME structure, read from the stored message. */
    public Optional<MessageDetails> message(long accountId, long folderId, long uid) {
        if (owned(accountId, folderId) == null) {
            return Optional.empty();
        }
        return rows(folderId, List.of(uid)).stream().findFirst().map(message -> {
            long bodyId = message.getBodyId();
            MessageParser.Parsed parsed = MessageParser.parse(
                    offset -> bodies.read(bodyId, offset, BodyChunks.CHUNK_SIZE), message.getOctets());
            return new MessageDetails(
                    folderId,
                    summary(message, List.copyOf(message.getKeywords())),
                    parsed.envelope(),
                    parsed.structure());
        });
    }

    /**
     * The listed messages of the folder in UID order, as read-only views for the current transaction;
     * UIDs no longer there are skipped. None when the folder is not the account's.
     */
    public List<StoredMessage> messages(long accountId, long folderId, List<Long> uids) {
        if (owned(accountId, folderId) == null) {
            return List.of();
        }
        List<MailboxMessage> found = rows(folderId, uids);
        Map<Long, List<String>> keywords = mailboxes.keywords(
                folderId, found.stream().map(MailboxMessage::getId).toList());
        return found.stream()
                .map(m -> new StoredMessage(m, keywords.getOrDefault(m.getId(), List.of()), bodies))
                .toList();
    }

    /**
     * What SORT and THREAD (RFC 5256) order the listed messages by, in UID order, from the columns
     * kept when they were stored (for a message stored before they were kept: from its header, now,
     * once). None when the folder is not the account's.
     */
    public List<OrderedMessage> orderingKeys(long accountId, long folderId, Collection<Long> uids) {
        if (owned(accountId, folderId) == null) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(uids);
        List<OrderedMessage> result = new ArrayList<>();
        for (MailboxMessage message : mailboxes.messagesByUid(folderId, false)) {
            if (wanted.contains(message.getUid())) {
                result.add(ordered(message));
            }
        }
        return result;
    }

    private OrderedMessage ordered(MailboxMessage message) {
        OrderingHeaders headers = message.getOrderingHeaders();
        if (headers == null) {
            long size = message.getHeaderSize() != null ? message.getHeaderSize() : 64 * 1024;
            headers = OrderingHeaders.parse(
                    bodies.read(message.getBodyId(), 0, (int) Math.min(size, StoredMessage.MAX_HEADER)));
            message.setOrderingHeaders(headers);
        }
        Instant sent = message.getHeaderDate() != null ? message.getHeaderDate() : message.getInternalDate();
        return new OrderedMessage(
                message.getUid(),
                sent,
                message.getInternalDate(),
                message.getOctets(),
                BaseSubject.of(message.getHeaderSubject()),
                headers.from(),
                headers.to(),
                headers.cc(),
                OrderingHeaders.messageId(message.getHeaderMessageId()),
                headers.referenceList());
    }

    /** The UIDs of the folder's messages, ascending. */
    public List<Long> uids(long accountId, long folderId) {
        return owned(accountId, folderId) == null ? List.of() : mailboxes.uids(folderId);
    }

    /** Every message of the folder as id, UID and size, in UID order (a client that downloads the folder). */
    public List<MessageRef> messageRefs(long accountId, long folderId) {
        return owned(accountId, folderId) == null ? List.of() : mailboxes.refsByUid(folderId);
    }

    /**
     * The stored message (all of it, as received) as a stream read chunk by chunk, or empty when the
     * message is not the account's.
     */
    public Optional<InputStream> open(long accountId, long messageId) {
        return ownedMessage(accountId, messageId).map(body -> new BodyInputStream(bodies, body.bodyId(), body.size()));
    }

    /**
     * One part of a message (by IMAP part number, e.g. "2" or "1.1"), decoded from its transfer
     * encoding while it is read; empty when the folder, the message or the part is not there.
     */
    public Optional<PartContent> openPart(long accountId, long folderId, long uid, String path) {
        if (owned(accountId, folderId) == null) {
            return Optional.empty();
        }
        return rows(folderId, List.of(uid)).stream().findFirst().flatMap(message -> {
            long bodyId = message.getBodyId();
            MimePart root = new MimeParser(
                            offset -> bodies.read(bodyId, offset, BodyChunks.CHUNK_SIZE), message.getOctets())
                    .parse();
            MessageParser.Located found = MessageParser.find(root, path);
            if (found == null) {
                return Optional.empty();
            }
            InputStream raw = new BodyInputStream(bodies, bodyId, found.part().bodyStart, found.part().bodyEnd);
            return Optional.of(new PartContent(found.node(), TransferDecoding.decode(raw, found.node())));
        });
    }

    /**
     * A range of the stored message: up to {@code maxLength} octets from {@code offset}, an empty
     * array past the end.
     *
     * @throws IllegalArgumentException when the message is not (or no longer) the account's
     */
    public byte[] read(long accountId, long messageId, long offset, int maxLength) {
        if (offset < 0 || maxLength < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        MailboxRepository.BodyRef body = ownedMessage(accountId, messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        return bodies.read(body.bodyId(), offset, maxLength);
    }

    private Optional<MailboxRepository.BodyRef> ownedMessage(long accountId, long messageId) {
        return mailboxes.body(accountId, messageId);
    }

    /**
     * Changes the flags of the listed messages; those whose flags change get a new MODSEQ.
     *
     * @return the state of every listed message the update applied to (UNCHANGEDSINCE may skip some)
     */
    public List<MessageFlagState> updateFlags(long accountId, long folderId, List<Long> uids, FlagUpdate update) {
        Mailbox mailbox = locked(accountId, folderId);
        if (mailbox == null) {
            return List.of();
        }
        Set<String> wantedKeywords = keywordSet(
                update.keywords().stream().filter(MailboxStore::validKeyword).toList());
        List<MessageFlagState> result = new ArrayList<>();
        for (MailboxMessage message : rows(folderId, uids)) {
            if (update.unchangedSince() >= 0 && message.getModseq() > update.unchangedSince()) {
                continue;
            }
            Set<Flag> before = flags(message);
            Set<Flag> flags =
                    before.isEmpty() ? java.util.EnumSet.noneOf(Flag.class) : java.util.EnumSet.copyOf(before);
            Set<String> keywordsBefore = keywordSet(message.getKeywords());
            Set<String> keywords = keywordSet(keywordsBefore);
            switch (update.mode()) {
                case REPLACE -> {
                    flags.clear();
                    flags.addAll(update.flags());
                    keywords = keywordSet(wantedKeywords);
                }
                case ADD -> {
                    flags.addAll(update.flags());
                    keywords.addAll(wantedKeywords);
                }
                case REMOVE -> {
                    flags.removeAll(update.flags());
                    keywords.removeAll(wantedKeywords);
                }
            }
            if (!flags.equals(before) || !keywords.equals(keywordsBefore)) {
                setFlags(message, flags);
                if (!keywords.equals(keywordsBefore)) {
                    message.getKeywords().clear();
                    message.getKeywords().addAll(keywords);
                }
                message.setModseq(mailbox.nextModseq());
                changed(mailbox);
            }
            result.add(new MessageFlagState(
                    message.getUid(),
                    message.getModseq(),
                    flags(message),
                    List.copyOf(keywordSet(message.getKeywords()))));
        }
        return result;
    }

    /**
     * Marks the listed messages seen (a client read them); each that was not gets a new MODSEQ.
     *
     * @return the UIDs of the messages that were not seen before, ascending
     */
    public List<Long> markSeen(long accountId, long folderId, List<Long> uids) {
        Mailbox mailbox = locked(accountId, folderId);
        if (mailbox == null) {
            return List.of();
        }
        List<Long> marked = new ArrayList<>();
        for (MailboxMessage message : rows(folderId, uids)) {
            if (!message.isSeen()) {
                message.setSeen(true);
                message.setModseq(mailbox.nextModseq());
                changed(mailbox);
                marked.add(message.getUid());
            }
        }
        return marked;
    }

    /** Copies (or moves) the listed messages to the folder named {@code target}. */
    public CopyResult copy(long accountId, long folderId, List<Long> uids, String target, boolean move) {
        Mailbox source = move ? locked(accountId, folderId) : owned(accountId, folderId);
        String targetName = FolderNames.normal(target);
        Mailbox destination = targetName == null
                ? null
                : mailboxes.lock(accountId, targetName).orElse(null);
        if (source == null || destination == null) {
            return CopyResult.of(CopyResult.Status.NO_SUCH_FOLDER);
        }
        List<MailboxMessage> sources = rows(folderId, uids);
        // a move frees what it adds; a copy counts the copies' octets once more
        if (!move
                && quotas.exceededBy(
                        accountId,
                        sources.stream().mapToLong(MailboxMessage::getOctets).sum())) {
            return CopyResult.of(CopyResult.Status.OVER_QUOTA);
        }
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        for (MailboxMessage message : sources) {
            MailboxMessage copy = message.copyTo(destination);
            mailboxes.add(copy);
            from.add(message.getUid());
            to.add(copy.getUid());
        }
        if (move) {
            mailboxes.expunge(source, sources);
            changed(source);
        }
        if (!sources.isEmpty()) {
            changed(destination);
        }
        return new CopyResult(CopyResult.Status.DONE, destination.getUidvalidity(), from, to);
    }

    /**
     * Removes the messages marked deleted (only those among {@code uids} when not {@code null}).
     *
     * @return the UIDs removed, ascending
     */
    public List<Long> expunge(long accountId, long folderId, List<Long> uids) {
        Mailbox mailbox = locked(accountId, folderId);
        if (mailbox == null) {
            return List.of();
        }
        List<MailboxMessage> candidates = uids == null
                ? mailboxes.deletedMessages(folderId)
                : rows(folderId, uids).stream()
                        .filter(MailboxMessage::isDeleted)
                        .toList();
        List<Long> removed = candidates.stream().map(MailboxMessage::getUid).toList();
        mailboxes.expunge(mailbox, candidates);
        if (!removed.isEmpty()) {
            changed(mailbox);
        }
        // Bodies no longer referenced are left for a later sweep.
        return removed;
    }

    /** Removes the listed messages at once, whatever their flags (POP3's DELE at QUIT). */
    public int remove(long accountId, long folderId, Collection<Long> messageIds) {
        Mailbox mailbox = locked(accountId, folderId);
        if (mailbox == null || messageIds.isEmpty()) {
            return 0;
        }
        List<MailboxMessage> found = mailboxes.findMessages(folderId, messageIds);
        mailboxes.expunge(mailbox, found);
        if (!found.isEmpty()) {
            changed(mailbox);
        }
        return found.size();
    }

    /**
     * Stores a message in the folder.
     *
     * @param size the message's octets, for the quota check before anything is stored
     * @param internalDate when it arrived; {@code null} for now
     */
    public AppendResult append(
            long accountId,
            String folder,
            InputStream content,
            long size,
            Set<Flag> flags,
            List<String> keywords,
            Instant internalDate) {
        String name = FolderNames.normal(folder);
        Mailbox mailbox = name == null ? null : mailboxes.lock(accountId, name).orElse(null);
        if (mailbox == null) {
            return AppendResult.of(AppendResult.Status.NO_SUCH_FOLDER);
        }
        if (quotas.exceededBy(accountId, size)) {
            return AppendResult.of(AppendResult.Status.OVER_QUOTA);
        }
        BodyChunks.StoredBody body = bodies.store(content, Instant.now());
        byte[] head = bodies.read(body.id(), 0, BodyChunks.CHUNK_SIZE);
        MailboxMessage message = appender.append(
                mailbox,
                body.id(),
                body.size(),
                internalDate == null ? Instant.now() : internalDate,
                ListingHeaders.parse(head));
        setFlags(message, flags);
        message.getKeywords()
                .addAll(keywordSet(
                        keywords.stream().filter(MailboxStore::validKeyword).toList()));
        return new AppendResult(AppendResult.Status.DONE, mailbox.getUidvalidity(), message.getUid());
    }

    public Quota quota(long accountId) {
        return quotas.usage(accountId);
    }

    // ---- helpers

    /** Front ends learn of the folder's change once the transaction commits. */
    private void changed(Mailbox mailbox) {
        if (signals != null) {
            signals.afterCommit(mailbox.getAccountId(), mailbox.getId());
        }
    }

    /** The folder if it belongs to the account, else {@code null}. */
    private Mailbox owned(long accountId, long folderId) {
        return mailboxes
                .find(folderId)
                .filter(mailbox -> mailbox.getAccountId() == accountId)
                .orElse(null);
    }

    /** The folder locked for a change, if it belongs to the account, else {@code null}. */
    private Mailbox locked(long accountId, long folderId) {
        Mailbox mailbox = owned(accountId, folderId);
        if (mailbox != null) {
            mailboxes.lock(mailbox);
        }
        return mailbox;
    }

    /** The listed messages of the folder in UID order; UIDs no longer there are skipped. */
    private List<MailboxMessage> rows(long folderId, List<Long> uids) {
        List<MailboxMessage> found = new ArrayList<>();
        for (int start = 0; start < uids.size(); start += IN_LIST_LIMIT) {
            found.addAll(mailboxes.messagesWithUids(
                    folderId, uids.subList(start, Math.min(uids.size(), start + IN_LIST_LIMIT))));
        }
        found.sort((a, b) -> Long.compare(a.getUid(), b.getUid()));
        return found;
    }

    static Set<Flag> flags(MailboxMessage message) {
        return Flag.of(
                message.isSeen(), message.isAnswered(), message.isFlagged(), message.isDeleted(), message.isDraft());
    }

    static void setFlags(MailboxMessage message, Set<Flag> flags) {
        message.setSeen(flags.contains(Flag.SEEN));
        message.setAnswered(flags.contains(Flag.ANSWERED));
        message.setFlagged(flags.contains(Flag.FLAGGED));
        message.setDeleted(flags.contains(Flag.DELETED));
        message.setDraft(flags.contains(Flag.DRAFT));
    }

    static boolean validKeyword(String keyword) {
        return !keyword.isEmpty() && keyword.length() <= MAX_KEYWORD && !keyword.startsWith("\\");
    }

    /** Keywords compare without regard to case (as IMAP compares them); the first spelling stays. */
    static Set<String> keywordSet(Collection<String> keywords) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(keywords);
        return set;
    }

    /** Keywords in the order a flag list shows them (case-insensitive, the first spelling kept). */
    static List<String> keywordList(Collection<String> keywords) {
        return keywords == null || keywords.isEmpty() ? List.of() : List.copyOf(keywordSet(keywords));
    }

    private static FolderEntry entry(Mailbox b) {
        return new FolderEntry(
                b.getId(),
                b.getName(),
                SpecialUse.of(b.getSpecialUse()),
                b.isSubscribed(),
                b.getUidvalidity(),
                b.getUidnext(),
                b.getHighestmodseq());
    }

    private Folder folder(Mailbox mailbox) {
        return folder(mailbox, mailboxes.counts(mailbox.getId()));
    }

    private static Folder folder(Mailbox b, MailboxRepository.Counts counts) {
        return new Folder(
                b.getId(),
                b.getName(),
                SpecialUse.of(b.getSpecialUse()),
                b.isSubscribed(),
                counts.messages(),
                counts.unseen(),
                counts.octets(),
                b.getUidvalidity(),
                b.getUidnext(),
                b.getHighestmodseq());
    }

    private static MessageSummary summary(MailboxMessage m, List<String> keywords) {
        return new MessageSummary(
                m.getId(),
                m.getUid(),
                flags(m),
                List.copyOf(keywordSet(keywords)),
                m.getInternalDate(),
                m.getOctets(),
                m.getHeaderFrom(),
                m.getHeaderTo() == null ? "" : m.getHeaderTo(),
                m.getHeaderSubject(),
                m.getHeaderDate() != null ? m.getHeaderDate() : m.getInternalDate(),
                Boolean.TRUE.equals(m.getHasAttachment()));
    }

    private static long uidvalidity(Instant now) {
        // Seconds since the epoch: a folder re-created later gets a larger UIDVALIDITY.
        return now.getEpochSecond();
    }
}
