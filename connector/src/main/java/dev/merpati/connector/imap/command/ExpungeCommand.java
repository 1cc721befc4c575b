package dev.merpati.connector.imap.command;

import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.FolderSync;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** EXPUNGE, UID EXPUNGE (UIDPLUS), CLOSE and UNSELECT. */
final class ExpungeCommand implements ImapCommand {

    enum Kind {
        EXPUNGE,
        UID_EXPUNGE,
        CLOSE,
        UNSELECT
    }

    private final Kind kind;

    ExpungeCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Set<ImapState> validStates() {
        return SELECTED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        SelectedFolder folder = session.selected();
        List<Long> uids = null;
        if (kind == Kind.UID_EXPUNGE) {
            parser.sp();
            uids = folder.resolve(parser.sequenceSet(), true);
        }
        parser.end();
        String verb = kind == Kind.UID_EXPUNGE ? "EXPUNGE" : kind.name();
        if (kind == Kind.UNSELECT || (kind == Kind.CLOSE && folder.readOnly())) {
            session.unselect();
            return ImapCommand.tagged(tag, ImapResponses.ok(verb + " completed"));
        }
        if (folder.readOnly()) {
            return ImapCommand.tagged(tag, ImapResponses.READ_ONLY);
        }
        long folderId = folder.folderId();
        List<Long> chosen = uids;
        return session.mailbox()
                .call(listener -> listener.expunge(folderId, chosen))
                .thenCompose(removed -> {
                    if (!removed.isEmpty()) {
                        session.changed(folderId);
                    }
                    if (kind == Kind.CLOSE) {
                        // CLOSE expunges silently (RFC 3501 §6.4.2).
                        session.unselect();
                        return ImapCommand.tagged(tag, ImapResponses.ok("CLOSE completed"));
                    }
                    ImapReply reply = new ImapReply();
                    folder.expunged(removed, reply);
                    return FolderSync.refresh(session, reply)
                            .thenApply(r -> r.tagged(tag, ImapResponses.ok(verb + " completed")));
                });
    }
}
