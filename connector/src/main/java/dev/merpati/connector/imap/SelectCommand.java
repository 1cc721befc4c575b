package dev.merpati.connector.imap;

import dev.merpati.connector.api.FolderSnapshot;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** SELECT and EXAMINE: open a folder, read-write or read-only, and report its state. */
final class SelectCommand implements ImapCommand {

    private final boolean readOnly;

    SelectCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public Set<ImapState> validStates() {
        return AUTHENTICATED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        String name = parser.astring();
        if (parser.tryChar(' ')) {
            parser.expect('(');
            String parameter = parser.keyword();
            if (!parameter.equals("CONDSTORE")) {
                throw new ImapSyntaxException("unknown SELECT parameter " + parameter);
            }
            parser.expect(')');
            session.enable("CONDSTORE");
        }
        parser.end();
        // A failed SELECT leaves no folder selected (RFC 3501 §6.3.1).
        session.unselect();
        long accountId = session.accountId();
        return session.mailbox()
                .call(listener -> listener.select(accountId, name))
                .thenApply(snapshot -> {
                    if (snapshot == null) {
                        return new ImapReply().tagged(tag, ImapResponses.NONEXISTENT);
                    }
                    SelectedFolder folder = new SelectedFolder(snapshot, readOnly);
                    session.select(folder);
                    return opened(snapshot, folder, readOnly)
                            .tagged(
                                    tag,
                                    ImapResponses.ok(
                                            (readOnly ? "[READ-ONLY] EXAMINE" : "[READ-WRITE] SELECT") + " completed"));
                });
    }

    private static ImapReply opened(FolderSnapshot snapshot, SelectedFolder folder, boolean readOnly) {
        ImapReply reply = new ImapReply()
                .untagged("FLAGS " + FlagNames.SYSTEM_FLAGS)
                .untagged("OK [PERMANENTFLAGS " + (readOnly ? "()" : FlagNames.PERMANENT_FLAGS) + "] Flags permitted")
                .untagged(folder.count() + " EXISTS")
                .untagged("0 RECENT");
        for (int n = 1; n <= folder.count(); n++) {
            if (!folder.flags(n).contains("\\Seen")) {
                reply.untagged("OK [UNSEEN " + n + "] First unseen");
                break;
            }
        }
        return reply.untagged("OK [UIDVALIDITY " + snapshot.status().uidvalidity() + "] UIDs valid")
                .untagged("OK [UIDNEXT " + snapshot.status().uidnext() + "] Predicted next UID")
                .untagged("OK [HIGHESTMODSEQ " + snapshot.status().highestModseq() + "] Highest");
    }
}
