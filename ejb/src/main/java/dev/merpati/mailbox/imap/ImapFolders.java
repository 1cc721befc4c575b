package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.FolderChange;
import dev.merpati.connector.api.FolderInfo;
import dev.merpati.connector.api.FolderOutcome;
import dev.merpati.connector.api.FolderSnapshot;
import dev.merpati.connector.api.FolderStatus;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.mailbox.Folder;
import dev.merpati.mailbox.FolderResult;
import dev.merpati.mailbox.FolderSync;
import dev.merpati.mailbox.MailboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** IMAP folder commands over the mailbox store; runs in the caller's transaction. */
@ApplicationScoped
public class ImapFolders {

    @Inject
    MailboxStore store;

    public List<FolderInfo> list(long accountId) {
        List<FolderInfo> result = new ArrayList<>(store.folderEntries(accountId).stream()
                .map(f -> new FolderInfo(
                        f.path(), f.specialUse() == null ? null : f.specialUse().attribute(), f.subscribed()))
                .toList());
        store.subscriptionsWithoutFolder(accountId).forEach(name -> result.add(FolderInfo.subscriptionOnly(name)));
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
        return store.folderCounts(accountId, name)
                .map(counts -> {
                    Folder folder = counts.folder();
                    return new FolderStatus(
                            folder.id(),
                            folder.path(),
                            folder.messages(),
                            counts.recent(),
                            folder.unseen(),
                            folder.uidValidity(),
                            folder.uidNext(),
                            folder.highestModseq(),
                            folder.size(),
                            counts.deleted());
                })
                .orElse(null);
    }

    /** SELECT takes the recent messages for the session, EXAMINE only shows them. */
    public FolderSnapshot select(long accountId, String name, boolean readOnly) {
        return store.syncState(accountId, name, !readOnly)
                .map(ImapFolders::snapshot)
                .orElse(null);
    }

    public FolderSnapshot changesSince(long accountId, long folderId, long knownModseq, boolean claimRecent) {
        OptionalLong highestModseq = store.highestModseq(accountId, folderId);
        if (highestModseq.isPresent() && highestModseq.getAsLong() <= knownModseq) {
            return null;
        }
        return store.syncState(accountId, folderId, claimRecent)
                .map(ImapFolders::snapshot)
                // The folder was deleted under the session: it now looks empty.
                .orElseGet(() -> new FolderSnapshot(
                        new FolderStatus(folderId, "", 0, 0, 0, 0, 0, knownModseq + 1, 0, 0), List.of()));
    }

    private static FolderSnapshot snapshot(FolderSync sync) {
        List<MessageFlags> messages =
                sync.messages().stream().map(ImapFlags::of).toList();
        return new FolderSnapshot(
                new FolderStatus(
                        sync.folderId(),
                        sync.path(),
                        messages.size(),
                        sync.recent().size(),
                        sync.unseen(),
                        sync.uidValidity(),
                        sync.uidNext(),
                        sync.highestModseq(),
                        0,
                        0),
                messages,
                sync.recent());
    }

    /** QRESYNC: the UIDs expunged from the folder after {@code sinceModseq}, ascending. */
    public List<Long> vanished(long accountId, long folderId, long sinceModseq) {
        return store.expungedSince(accountId, folderId, sinceModseq);
    }
}
