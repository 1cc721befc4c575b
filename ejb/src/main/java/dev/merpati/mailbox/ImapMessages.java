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
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** IMAP message commands over the mailbox store; runs in the caller's transaction. */
@ApplicationScoped
public class ImapMessages {

    /** Headers larger than this are cut for HEADER.FIELDS and header searches. */
    static final int MAX_HEADER = 1024 * 1024;

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    ImapFolders folders;

    @Inject
    BodyStore bodies;

    @Inject
    MailboxStore store;

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
                store.changed(mailbox);
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
        return store.read(accountId, messageId, offset, maxLength);
    }

    public List<MessageFlags> store(long accountId, long folderId, List<Long> uids, FlagChange change) {
        return store.updateFlags(accountId, folderId, uids, ImapFlags.update(change)).stream()
                .map(ImapFlags::of)
                .toList();
    }

    public CopyOutcome copy(long accountId, long folderId, List<Long> uids, String target, boolean move) {
        CopyResult result = store.copy(accountId, folderId, uids, target, move);
        return switch (result.status()) {
            case DONE -> new CopyOutcome(true, result.targetUidValidity(), result.sourceUids(), result.targetUids());
            case NO_SUCH_FOLDER -> CopyOutcome.noTarget();
            case OVER_QUOTA -> CopyOutcome.overQuotaLimit();
        };
    }

    public List<Long> expunge(long accountId, long folderId, List<Long> uids) {
        return store.expunge(accountId, folderId, uids);
    }

    public AppendOutcome append(
            long accountId, String folder, List<String> flags, Instant internalDate, MessageContent content) {
        ImapFlags.Split split = ImapFlags.split(flags);
        AppendResult result;
        try {
            result = store.append(
                    accountId,
                    folder,
                    content.openStream(),
                    content.size(),
                    split.system(),
                    split.keywords(),
                    internalDate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the appended message", e);
        }
        return switch (result.status()) {
            case DONE -> new AppendOutcome(true, result.uidValidity(), result.uid());
            case NO_SUCH_FOLDER -> AppendOutcome.noFolder();
            case OVER_QUOTA -> AppendOutcome.overQuotaLimit();
        };
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

    private List<MailboxMessage> messages(long folderId, List<Long> uids) {
        return store.messages(folderId, uids);
    }

    private Mailbox locked(long accountId, long folderId) {
        return store.locked(accountId, folderId);
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
}
