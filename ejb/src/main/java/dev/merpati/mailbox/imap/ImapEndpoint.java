package dev.merpati.mailbox.imap;

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
import dev.merpati.mailbox.CallerAccount;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.Quota;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** IMAP's view of the store, called by the connector once per command, as the user who logged in. */
@MessageDriven(messageListenerInterface = MailboxListener.class)
public class ImapEndpoint implements MailboxListener {

    @Inject
    CallerAccount caller;

    @Inject
    ImapFolders folders;

    @Inject
    ImapMessages messages;

    @Inject
    ImapOrdering ordering;

    @Inject
    MailboxStore store;

    @Override
    public List<FolderInfo> folders() {
        return folders.list(caller.id());
    }

    @Override
    public List<FolderStatus> statuses(List<String> names) {
        return folders.statuses(caller.id(), names);
    }

    @Override
    public FolderOutcome changeFolder(FolderChange change) {
        return folders.change(caller.id(), change);
    }

    @Override
    public FolderStatus status(String folder) {
        return folders.status(caller.id(), folder);
    }

    @Override
    public FolderSnapshot select(String folder, boolean readOnly) {
        return folders.select(caller.id(), folder, readOnly);
    }

    @Override
    public FolderSnapshot changesSince(long folderId, long knownModseq, boolean claimRecent) {
        return folders.changesSince(caller.id(), folderId, knownModseq, claimRecent);
    }

    @Override
    public List<Long> vanished(long folderId, long sinceModseq) {
        return folders.vanished(caller.id(), folderId, sinceModseq);
    }

    @Override
    public List<FetchedMessage> fetch(long folderId, List<Long> uids, FetchRequest request) {
        return messages.fetch(caller.id(), folderId, uids, request);
    }

    /** A pure read, called for every 256 KiB of every body fetched: no transaction to begin and commit. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] read(long messageId, long offset, int maxLength) {
        return messages.read(caller.id(), messageId, offset, maxLength);
    }

    @Override
    public List<MessageFlags> store(long folderId, List<Long> uids, FlagChange change) {
        return messages.store(caller.id(), folderId, uids, change);
    }

    @Override
    public CopyOutcome copy(long folderId, List<Long> uids, String target, boolean move) {
        return messages.copy(caller.id(), folderId, uids, target, move);
    }

    @Override
    public List<Long> expunge(long folderId, List<Long> uids) {
        return messages.expunge(caller.id(), folderId, uids);
    }

    @Override
    public AppendOutcome append(String folder, List<String> flags, Instant internalDate, MessageContent content) {
        return messages.append(caller.id(), folder, flags, internalDate, content);
    }

    @Override
    public List<Long> search(long folderId, List<Long> uids, SearchKey criteria) {
        return messages.search(caller.id(), folderId, uids, criteria);
    }

    @Override
    public List<Long> sort(long folderId, List<Long> uids, List<SortCriterion> order, SearchKey criteria) {
        return ordering.sort(caller.id(), folderId, uids, order, criteria);
    }

    @Override
    public List<MessageThread> thread(long folderId, List<Long> uids, String algorithm, SearchKey criteria) {
        return ordering.thread(caller.id(), folderId, uids, algorithm, criteria);
    }

    @Override
    public QuotaUsage quota() {
        Quota quota = store.quota(caller.id());
        return new QuotaUsage(quota.usedBytes(), quota.limitBytes());
    }
}
