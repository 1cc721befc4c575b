package dev.merpati.mailbox;

import dev.merpati.connector.api.AppendOutcome;
import dev.merpati.connector.api.CopyOutcome;
import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.FetchedMessage;
import dev.merpati.connector.api.FlagChange;
import dev.merpati.connector.api.FolderChange;
import dev.merpati.connector.api.FolderInfo;
import dev.merpati.connector.api.FolderOutcome;
import dev.merpati.connector.api.FolderSnapshot;
import dev.merpati.connector.api.FolderStatus;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.connector.api.MessageThread;
import dev.merpati.connector.api.QuotaUsage;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SortCriterion;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** IMAP's view of the store, called by the connector once per command. */
@MessageDriven(messageListenerInterface = MailboxListener.class)
public class ImapEndpoint implements MailboxListener {

    @Inject
    ImapFolders folders;

    @Inject
    ImapMessages messages;

    @Inject
    Quotas quotas;

    @Inject
    ImapOrdering ordering;

    @Override
    public List<FolderInfo> folders(long accountId) {
        return folders.list(accountId);
    }

    @Override
    public List<FolderStatus> statuses(long accountId, List<String> names) {
        return folders.statuses(accountId, names);
    }

    @Override
    public FolderOutcome changeFolder(long accountId, FolderChange change) {
        return folders.change(accountId, change);
    }

    @Override
    public FolderStatus status(long accountId, String folder) {
        return folders.status(accountId, folder);
    }

    @Override
    public FolderSnapshot select(long accountId, String folder, boolean readOnly) {
        return folders.select(accountId, folder, readOnly);
    }

    @Override
    public FolderSnapshot changesSince(long accountId, long folderId, long knownModseq, boolean claimRecent) {
        return folders.changesSince(accountId, folderId, knownModseq, claimRecent);
    }

    @Override
    public List<Long> vanished(long accountId, long folderId, long sinceModseq) {
        return folders.vanished(accountId, folderId, sinceModseq);
    }

    @Override
    public List<FetchedMessage> fetch(long accountId, long folderId, List<Long> uids, FetchRequest request) {
        return messages.fetch(accountId, folderId, uids, request);
    }

    /** A pure read, called for every 256 KiB of every body fetched: no transaction to begin and commit. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] read(long accountId, long messageId, long offset, int maxLength) {
        return messages.read(accountId, messageId, offset, maxLength);
    }

    @Override
    public List<MessageFlags> store(long accountId, long folderId, List<Long> uids, FlagChange change) {
        return messages.store(accountId, folderId, uids, change);
    }

    @Override
    public CopyOutcome copy(long accountId, long folderId, List<Long> uids, String target, boolean move) {
        return messages.copy(accountId, folderId, uids, target, move);
    }

    @Override
    public List<Long> expunge(long accountId, long folderId, List<Long> uids) {
        return messages.expunge(accountId, folderId, uids);
    }

    @Override
    public AppendOutcome append(
            long accountId, String folder, List<String> flags, Instant internalDate, MessageContent content) {
        return messages.append(accountId, folder, flags, internalDate, content);
    }

    @Override
    public List<Long> search(long accountId, long folderId, List<Long> uids, SearchKey criteria) {
        return messages.search(accountId, folderId, uids, criteria);
    }

    @Override
    public List<Long> sort(
            long accountId, long folderId, List<Long> uids, List<SortCriterion> order, SearchKey criteria) {
        return ordering.sort(accountId, folderId, uids, order, criteria);
    }

    @Override
    public List<MessageThread> thread(
            long accountId, long folderId, List<Long> uids, String algorithm, SearchKey criteria) {
        return ordering.thread(accountId, folderId, uids, algorithm, criteria);
    }

    @Override
    public QuotaUsage quota(long accountId) {
        Quota quota = quotas.usage(accountId);
        return new QuotaUsage(quota.usedBytes(), quota.limitBytes());
    }
}
