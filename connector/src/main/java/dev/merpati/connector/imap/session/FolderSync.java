package dev.merpati.connector.imap.session;

import dev.merpati.connector.imap.codec.ImapReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Brings a session's view of its selected folder up to date, adding the untagged responses. */
public final class FolderSync {

    private FolderSync() {}

    /** Completes with {@code reply} once the changes (if any) were added to it. */
    public static CompletionStage<ImapReply> refresh(ImapSession session, ImapReply reply) {
        SelectedFolder selected = session.selected();
        if (selected == null) {
            return CompletableFuture.completedFuture(reply);
        }
        long folderId = selected.folderId();
        long known = selected.highestModseq();
        boolean claim = !selected.readOnly();
        return session.mailbox()
                .call(listener -> listener.changesSince(folderId, known, claim))
                .thenApply(snapshot -> {
                    if (snapshot != null && session.selected() == selected) {
                        selected.update(snapshot, reply, true, session.enabled("CONDSTORE"));
                    }
                    return reply;
                });
    }
}
