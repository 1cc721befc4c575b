package dev.merpati.connector.imap.codec;

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
import dev.merpati.connector.spi.ListenerInvoker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Translates folder names between the wire and the store: the IMAP commands see names in modified
 * UTF-7 (RFC 3501 §5.1.3), the store keeps them in Unicode. Everything else passes through.
 */
public final class MailboxNames implements MailboxListener {

    private final MailboxListener store;

    private MailboxNames(MailboxListener store) {
        this.store = store;
    }

    /** The invoker the IMAP commands use: each call sees the store through this translation. */
    public static ListenerInvoker<MailboxListener> translating(ListenerInvoker<MailboxListener> invoker) {
        return new ListenerInvoker<>() {
            @Override
            public <T> CompletableFuture<T> invoke(Function<? super MailboxListener, ? extends T> call) {
                return invoker.invoke(store -> call.apply(new MailboxNames(store)));
            }

            @Override
            public ListenerInvoker<MailboxListener> as(String caller) {
                return translating(invoker.as(caller));
            }

            @Override
            public boolean available() {
                return invoker.available();
            }
        };
    }

    private static String in(String name) {
        return name == null ? null : ModifiedUtf7.decodeLeniently(name);
    }

    private static FolderStatus out(FolderStatus status) {
        return status == null
                ? null
                : new FolderStatus(
                        status.folderId(),
                        ModifiedUtf7.encode(status.name()),
                        status.messages(),
                        status.recent(),
                        status.unseen(),
                        status.uidvalidity(),
                        status.uidnext(),
                        status.highestModseq(),
                        status.size(),
                        status.deleted());
    }

    private static FolderSnapshot out(FolderSnapshot snapshot) {
        return snapshot == null
                ? null
                : new FolderSnapshot(out(snapshot.status()), snapshot.messages(), snapshot.recent());
    }

    @Override
    public List<FolderInfo> folders() {
        return store.folders().stream()
                .map(f -> new FolderInfo(ModifiedUtf7.encode(f.name()), f.specialUse(), f.subscribed(), f.exists()))
                .toList();
    }

    @Override
    public List<FolderStatus> statuses(List<String> folders) {
        return store.statuses(folders.stream().map(MailboxNames::in).toList()).stream()
                .map(MailboxNames::out)
                .toList();
    }

    @Override
    public FolderOutcome changeFolder(FolderChange change) {
        String name;
        String newName;
        try {
            // a new name must be valid modified UTF-7; an existing one is looked up as it is otherwise
            boolean creates = change.kind() == FolderChange.Kind.CREATE;
            name = creates ? ModifiedUtf7.decode(change.name()) : in(change.name());
            newName = change.newName() == null ? null : ModifiedUtf7.decode(change.newName());
        } catch (IllegalArgumentException e) {
            return FolderOutcome.NOT_ALLOWED;
        }
        return store.changeFolder(new FolderChange(change.kind(), name, newName));
    }

    @Override
    public FolderStatus status(String folder) {
        return out(store.status(in(folder)));
    }

    @Override
    public FolderSnapshot select(String folder, boolean readOnly) {
        return out(store.select(in(folder), readOnly));
    }

    @Override
    public FolderSnapshot changesSince(long folderId, long knownModseq, boolean claimRecent) {
        return out(store.changesSince(folderId, knownModseq, claimRecent));
    }

    @Override
    public List<Long> vanished(long folderId, long sinceModseq) {
        return store.vanished(folderId, sinceModseq);
    }

    @Override
    public List<FetchedMessage> fetch(long folderId, List<Long> uids, FetchRequest request) {
        return store.fetch(folderId, uids, request);
    }

    @Override
    public byte[] read(long messageId, long offset, int maxLength) {
        return store.read(messageId, offset, maxLength);
    }

    @Override
    public List<MessageFlags> store(long folderId, List<Long> uids, FlagChange change) {
        return store.store(folderId, uids, change);
    }

    @Override
    public CopyOutcome copy(long folderId, List<Long> uids, String target, boolean move) {
        return store.copy(folderId, uids, in(target), move);
    }

    @Override
    public List<Long> expunge(long folderId, List<Long> uids) {
        return store.expunge(folderId, uids);
    }

    @Override
    public AppendOutcome append(String folder, List<String> flags, Instant internalDate, MessageContent content) {
        return store.append(in(folder), flags, internalDate, content);
    }

    @Override
    public List<Long> search(long folderId, List<Long> uids, SearchKey criteria) {
        return store.search(folderId, uids, criteria);
    }

    @Override
    public List<Long> sort(long folderId, List<Long> uids, List<SortCriterion> order, SearchKey criteria) {
        return store.sort(folderId, uids, order, criteria);
    }

    @Override
    public List<MessageThread> thread(long folderId, List<Long> uids, String algorithm, SearchKey criteria) {
        return store.thread(folderId, uids, algorithm, criteria);
    }

    @Override
    public QuotaUsage quota() {
        return store.quota();
    }
}
