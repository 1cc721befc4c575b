package dev.merpati.mailbox;

import dev.merpati.connector.api.AppendOutcome;
import dev.merpati.connector.api.CopyOutcome;
import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.FetchedMessage;
import dev.merpati.connector.api.FlagChange;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SectionData;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** IMAP message commands over the mailbox store; runs in the caller's transaction. */
@ApplicationScoped
public class ImapMessages {

    /** Headers larger than this are cut for HEADER.FIELDS and header searches. */
    static final int MAX_HEADER = 1024 * 1024;

    private static final int IN_LIST_LIMIT = 500;

    @Inject
    Quotas quotas;

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    ImapFolders folders;

    @Inject
    BodyStore bodies;

    @Inject
    MessageAppender appender;

    public List<FetchedMessage> fetch(long accountId, long folderId, List<Long> uids, FetchRequest request) {
        Mailbox mailbox = request.markSeen() ? locked(accountId, folderId) : folders.owned(accountId, folderId);
        if (mailbox == null) {
            return List.of();
        }
        List<FetchedMessage> result = new ArrayList<>();
        List<MailboxMessage> found = messages(folderId, uids);
        java.util.Map<Long, List<String>> keywords = mailboxes.keywords(
                folderId, found.stream().map(MailboxMessage::getId).toList());
        for (MailboxMessage message : found) {
            if (request.markSeen() && !message.isSeen()) {
                message.setSeen(true);
                message.setModseq(mailbox.nextModseq());
            }
            if (message.getMimeParts() == null) {
                // Stored before the structure was kept: computed now, once.
                long bodyId = message.getBodyId();
                message.setStructure(MessageStructure.of(
                        offset -> bodies.read(bodyId, offset, BodyChunks.CHUNK_SIZE), message.getOctets()));
            }
            List<SectionData> sections = new ArrayList<>();
            if (!request.sections().isEmpty()) {
                MimeParts.Node root = MimeParts.read(message.getMimeParts());
                for (FetchRequest.Section section : request.sections()) {
                    sections.add(section(message, root, section));
                }
            }
            result.add(new FetchedMessage(
                    message.getId(),
                    ImapFlags.of(message, keywords.getOrDefault(message.getId(), List.of())),
                    message.getInternalDate(),
                    message.getOctets(),
                    message.getEnvelope(),
                    message.getBodySummary(),
                    message.getBodyStructure(),
                    sections));
        }
        return result;
    }

    private SectionData section(MailboxMessage message, MimeParts.Node root, FetchRequest.Section section) {
        if (section.kind() == FetchRequest.Kind.BINARY) {
            long bodyId = message.getBodyId();
            return BinaryParts.section(root, section.part(), (offset, length) -> bodies.read(bodyId, offset, length));
        }
        MimeParts.Range range = MimeParts.resolve(root, section);
        if (range == null) {
            return SectionData.empty();
        }
        if (section.kind() == FetchRequest.Kind.HEADER_FIELDS
                || section.kind() == FetchRequest.Kind.HEADER_FIELDS_NOT) {
            byte[] header =
                    bodies.read(message.getBodyId(), range.offset(), (int) Math.min(range.length(), MAX_HEADER));
            return SectionData.of(HeaderFieldFilter.filter(
                    header, section.fields(), section.kind() == FetchRequest.Kind.HEADER_FIELDS_NOT));
        }
        return SectionData.range(range.offset(), range.length());
    }

    public byte[] read(long accountId, long messageId, long offset, int maxLength) {
        if (offset < 0 || maxLength < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        // One query for the body and the ownership check: this runs for every 256 KiB of every fetch.
        Long bodyId = em.createQuery(
                        "SELECT m.bodyId FROM MailboxMessage m, Mailbox b"
                                + " WHERE m.id = :id AND m.mailboxId = b.id AND b.accountId = :account",
                        Long.class)
                .setParameter("id", messageId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        return bodies.read(bodyId, offset, maxLength);
    }

    public List<MessageFlags> store(long accountId, long folderId, List<Long> uids, FlagChange change) {
        Mailbox mailbox = locked(accountId, folderId);
        if (mailbox == null) {
            return List.of();
        }
        List<MessageFlags> result = new ArrayList<>();
        for (MailboxMessage message : messages(folderId, uids)) {
            if (change.unchangedSince() >= 0 && message.getModseq() > change.unchangedSince()) {
                continue;
            }
            Set<String> before = ImapFlags.caseInsensitive(ImapFlags.names(message));
            Set<String> flags = ImapFlags.caseInsensitive(before);
            Set<String> wanted = ImapFlags.caseInsensitive(change.flags().stream()
                    .filter(ImapFlags::storable)
                    .map(ImapMessages::canonical)
                    .toList());
            switch (change.mode()) {
                case REPLACE -> flags = wanted;
                case ADD -> flags.addAll(wanted);
                case REMOVE -> flags.removeAll(wanted);
            }
            if (!flags.equals(before)) {
                ImapFlags.set(message, flags);
                message.setModseq(mailbox.nextModseq());
            }
            result.add(ImapFlags.of(message));
        }
        return result;
    }

    public CopyOutcome copy(long accountId, long folderId, List<Long> uids, String target, boolean move) {
        Mailbox source = move ? locked(accountId, folderId) : folders.owned(accountId, folderId);
        String targetName = ImapFolders.normal(target);
        Mailbox destination = targetName == null
                ? null
                : mailboxes.lock(accountId, targetName).orElse(null);
        if (source == null || destination == null) {
            return CopyOutcome.noTarget();
        }
        List<MailboxMessage> sources = messages(folderId, uids);
        // a MOVE frees what it adds; a COPY counts the copies' octets once more
        if (!move
                && quotas.exceededBy(
                        accountId,
                        sources.stream().mapToLong(MailboxMessage::getOctets).sum())) {
            return CopyOutcome.overQuotaLimit();
        }
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        for (MailboxMessage message : sources) {
            MailboxMessage copy = message.copyTo(destination);
            em.persist(copy);
            from.add(message.getUid());
            to.add(copy.getUid());
        }
        if (move) {
            mailboxes.expunge(source, sources);
        }
        return new CopyOutcome(true, destination.getUidvalidity(), from, to);
    }

    public List<Long> expunge(long accountId, long folderId, List<Long> uids) {
        Mailbox mailbox = locked(accountId, folderId);
        if (mailbox == null) {
            return List.of();
        }
        List<MailboxMessage> candidates = uids == null
                ? em.createQuery(
                                "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.deleted = :deleted"
                                        + " ORDER BY m.uid",
                                MailboxMessage.class)
                        .setParameter("mailbox", folderId)
                        .setParameter("deleted", true)
                        .getResultList()
                : messages(folderId, uids).stream()
                        .filter(MailboxMessage::isDeleted)
                        .toList();
        List<Long> removed = candidates.stream().map(MailboxMessage::getUid).toList();
        mailboxes.expunge(mailbox, candidates);
        // Bodies no longer referenced are left for a later sweep, as for POP3.
        return removed;
    }

    public AppendOutcome append(
            long accountId, String folder, List<String> flags, Instant internalDate, MessageContent content) {
        String name = ImapFolders.normal(folder);
        Mailbox mailbox = name == null ? null : mailboxes.lock(accountId, name).orElse(null);
        if (mailbox == null) {
            return AppendOutcome.noFolder();
        }
        if (quotas.exceededBy(accountId, content.size())) {
            return AppendOutcome.overQuotaLimit();
        }
        BodyChunks.StoredBody body;
        try {
            body = bodies.store(content.openStream(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the appended message", e);
        }
        byte[] head = bodies.read(body.id(), 0, BodyChunks.CHUNK_SIZE);
        MailboxMessage message = appender.append(
                mailbox,
                body.id(),
                body.size(),
                internalDate == null ? Instant.now() : internalDate,
                ListingHeaders.parse(head));
        ImapFlags.set(
                message,
                flags.stream()
                        .filter(ImapFlags::storable)
                        .map(ImapMessages::canonical)
                        .toList());
        return new AppendOutcome(true, mailbox.getUidvalidity(), message.getUid());
    }

    public List<Long> search(long accountId, long folderId, List<Long> uids, SearchKey criteria) {
        if (folders.owned(accountId, folderId) == null) {
            return List.of();
        }
        SearchMatcher matcher = new SearchMatcher(this::header, this::bodyContains);
        List<Long> result = new ArrayList<>();
        for (MailboxMessage message : messages(folderId, uids)) {
            if (matcher.matches(message, criteria)) {
                result.add(message.getUid());
            }
        }
        return result;
    }

    /** The listed messages of the folder in UID order; UIDs no longer there are skipped. */
    private List<MailboxMessage> messages(long folderId, List<Long> uids) {
        List<MailboxMessage> found = new ArrayList<>();
        for (int start = 0; start < uids.size(); start += IN_LIST_LIMIT) {
            found.addAll(em.createQuery(
                            "SELECT m FROM MailboxMessage m WHERE m.mailboxId = :mailbox AND m.uid IN :uids",
                            MailboxMessage.class)
                    .setParameter("mailbox", folderId)
                    .setParameter("uids", uids.subList(start, Math.min(uids.size(), start + IN_LIST_LIMIT)))
                    .getResultList());
        }
        found.sort((a, b) -> Long.compare(a.getUid(), b.getUid()));
        return found;
    }

    private Mailbox locked(long accountId, long folderId) {
        Mailbox mailbox = folders.owned(accountId, folderId);
        if (mailbox != null) {
            em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(mailbox);
        }
        return mailbox;
    }

    byte[] header(MailboxMessage message) {
        long size = message.getHeaderSize() != null ? message.getHeaderSize() : BodyChunks.CHUNK_SIZE;
        return bodies.read(message.getBodyId(), 0, (int) Math.min(size, MAX_HEADER));
    }

    /** Whether the text after the header contains {@code needle} (ASCII case-insensitive), read in chunks. */
    boolean bodyContains(MailboxMessage message, String needle, boolean includeHeader) {
        byte[] wanted = needle.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (wanted.length == 0) {
            return true;
        }
        long offset = includeHeader || message.getHeaderSize() == null ? 0 : message.getHeaderSize();
        byte[] carry = new byte[0];
        while (offset < message.getOctets()) {
            byte[] chunk = bodies.read(message.getBodyId(), offset, BodyChunks.CHUNK_SIZE);
            if (chunk.length == 0) {
                break;
            }
            byte[] window = new byte[carry.length + chunk.length];
            System.arraycopy(carry, 0, window, 0, carry.length);
            System.arraycopy(chunk, 0, window, carry.length, chunk.length);
            if (SearchMatcher.indexOfIgnoreCase(window, wanted) >= 0) {
                return true;
            }
            int keep = Math.min(wanted.length - 1, window.length);
            carry = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
            offset += chunk.length;
        }
        return false;
    }

    /** A flag name with system flags in their usual spelling. */
    static String canonical(String flag) {
        return switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> ImapFlags.SEEN;
            case "\\answered" -> ImapFlags.ANSWERED;
            case "\\flagged" -> ImapFlags.FLAGGED;
            case "\\deleted" -> ImapFlags.DELETED;
            case "\\draft" -> ImapFlags.DRAFT;
            default -> flag;
        };
    }
}
