package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FolderChange;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE. */
final class FolderChangeCommand implements ImapCommand {

    private final FolderChange.Kind kind;

    FolderChangeCommand(FolderChange.Kind kind) {
        this.kind = kind;
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
        String newName = null;
        if (kind == FolderChange.Kind.RENAME) {
            parser.sp();
            newName = parser.astring();
        }
        parser.end();
        FolderChange change = new FolderChange(kind, name, newName);
        String verb = kind.name();
        return session.mailbox().call(listener -> listener.changeFolder(change)).thenApply(outcome -> new ImapReply()
                .tagged(
                        tag,
                        switch (outcome) {
                            case DONE -> ImapResponses.ok(verb + " completed");
                            case NO_SUCH_FOLDER -> ImapResponses.NONEXISTENT;
                            case ALREADY_EXISTS -> ImapResponses.ALREADY_EXISTS;
                            case NOT_ALLOWED -> ImapResponses.CANNOT;
                        }));
    }
}
