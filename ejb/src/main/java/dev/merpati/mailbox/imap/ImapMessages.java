package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.AppendOutcome;
import dev.merpati.connector.api.CopyOutcome;
import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.FetchedMessage;
import dev.merpati.connector.api.FlagChange;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SectionData;
import dev.merpati.mailbox.AppendResult;
import dev.merpati.mailbox.CopyResult;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.MessageStructure;
import dev.merpati.mailbox.MimeParts;
import dev.merpati.mailbox.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** IMAP message commands over the mailbox store; runs in the caller's transaction. */
@ApplicationScoped
public class ImapMessages {

    @Inject
    MailboxStore store;

    public List<FetchedMessage> fetch(long accountId, long folderId, List<Long> uids, FetchRequest request) {
        if (request.markSeen()) {
            store.markSeen(accountId, folderId, uids);
        }
        List<FetchedMessage> result = new ArrayList<>();
        for (StoredMessage message : store.messages(accountId, folderId, uids)) {
            MessageStructure structure = message.structure();
            List<SectionData> sections = new ArrayList<>();
            if (!request.sections().isEmpty()) {
                MimeParts.Node root = structure.partTree();
                for (FetchRequest.Section section : request.sections()) {
                    sections.add(section(message, root, section));
                }
            }
            result.add(new FetchedMessage(
                    message.id(),
                    ImapFlags.of(message.flagState()),
                    message.internalDate(),
                    message.size(),
                    structure.envelope(),
                    structure.body(),
                    structure.bodyStructure(),
                    sections));
        }
        return result;
    }

    private static SectionData section(StoredMessage message, MimeParts.Node root, FetchRequest.Section section) {
        if (section.kind() == FetchRequest.Kind.BINARY) {
            return BinaryParts.section(root, section.part(), message::read);
        }
        SectionRanges.Range range = SectionRanges.resolve(root, section);
        if (range == null) {
            return SectionData.empty();
        }
        if (section.kind() == FetchRequest.Kind.HEADER_FIELDS
                || section.kind() == FetchRequest.Kind.HEADER_FIELDS_NOT) {
            byte[] header = message.read(range.offset(), (int) Math.min(range.length(), StoredMessage.MAX_HEADER));
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
        SearchMatcher matcher = new SearchMatcher();
        List<Long> result = new ArrayList<>();
        for (StoredMessage message : store.messages(accountId, folderId, uids)) {
            if (matcher.matches(message, criteria)) {
                result.add(message.uid());
            }
        }
        return result;
    }
}
