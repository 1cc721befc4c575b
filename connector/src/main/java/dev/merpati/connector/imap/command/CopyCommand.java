package dev.merpati.connector.imap.command;

import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.codec.SequenceSet;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** COPY, MOVE and their UID forms, answering UIDPLUS's COPYUID. */
final class CopyCommand implements ImapCommand {

    private final boolean byUid;
    private final boolean move;

    CopyCommand(boolean byUid, boolean move) {
        this.byUid = byUid;
        this.move = move;
    }

    @Override
    public Set<ImapState> validStates() {
        return SELECTED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        SequenceSet set = parser.sequenceSet();
        parser.sp();
        String target = parser.astring();
        parser.end();
        SelectedFolder folder = session.selected();
        String verb = move ? "MOVE" : "COPY";
        if (move && folder.readOnly()) {
            return ImapCommand.tagged(tag, ImapResponses.READ_ONLY);
        }
        List<Long> uids = folder.resolve(set, byUid);
        long accountId = session.accountId();
        long folderId = folder.folderId();
        return session.mailbox()
                .call(listener -> listener.copy(folderId, uids, target, move))
                .thenApply(outcome -> {
                    if (!outcome.targetExists()) {
                        return new ImapReply().tagged(tag, ImapResponses.TRYCREATE);
                    }
                    if (outcome.overQuota()) {
                        return new ImapReply().tagged(tag, ImapResponses.OVER_QUOTA_COPY);
                    }
                    session.events().changed(accountId, -1, session);
                    if (outcome.sourceUids().isEmpty()) {
                        return new ImapReply().tagged(tag, ImapResponses.ok(verb + " completed"));
                    }
                    String copyUid = "COPYUID " + outcome.targetUidvalidity() + " " + join(outcome.sourceUids()) + " "
                            + join(outcome.targetUids());
                    if (!move) {
                        return new ImapReply().tagged(tag, ImapResponses.ok("[" + copyUid + "] COPY completed"));
                    }
                    ImapReply reply = new ImapReply().untagged("OK [" + copyUid + "] Moved");
                    folder.expunged(outcome.sourceUids(), reply);
                    return reply.tagged(tag, ImapResponses.ok("MOVE completed"));
                });
    }

    private static String join(List<Long> uids) {
        return uids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
