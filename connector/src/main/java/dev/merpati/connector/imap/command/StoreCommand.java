package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FlagChange;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.connector.imap.codec.FlagNames;
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

/** STORE and UID STORE: FLAGS, +FLAGS, -FLAGS, each optionally .SILENT. */
final class StoreCommand implements ImapCommand {

    private final boolean byUid;

    StoreCommand(boolean byUid) {
        this.byUid = byUid;
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
        long unchangedSince = -1;
        if (parser.tryChar('(')) {
            // CONDSTORE (RFC 7162): STORE set (UNCHANGEDSINCE n) ...
            if (!parser.keyword().equals("UNCHANGEDSINCE")) {
                throw new ImapSyntaxException("unknown STORE modifier");
            }
            parser.sp();
            unchangedSince = parser.number();
            parser.expect(')');
            parser.sp();
            session.enable("CONDSTORE");
        }
        FlagChange.Mode mode = FlagChange.Mode.REPLACE;
        if (parser.tryChar('+')) {
            mode = FlagChange.Mode.ADD;
        } else if (parser.tryChar('-')) {
            mode = FlagChange.Mode.REMOVE;
        }
        String item = parser.keyword();
        if (!item.equals("FLAGS") && !item.equals("FLAGS.SILENT")) {
            throw new ImapSyntaxException("expected FLAGS or FLAGS.SILENT");
        }
        boolean silent = item.endsWith(".SILENT");
        parser.sp();
        List<String> flags;
        if (parser.peek() == '(') {
            flags = parser.flagList();
        } else {
            flags = new java.util.ArrayList<>();
            do {
                flags.add(parser.flag());
            } while (parser.tryChar(' '));
        }
        parser.end();
        FlagNames.checked(flags);
        SelectedFolder folder = session.selected();
        if (folder.readOnly()) {
            return ImapCommand.tagged(tag, ImapResponses.READ_ONLY);
        }
        List<Long> uids = folder.resolve(set, byUid);
        if (uids.isEmpty()) {
            return ImapCommand.tagged(tag, ImapResponses.ok("STORE completed"));
        }
        FlagChange change = new FlagChange(mode, flags, unchangedSince);
        boolean withModseq = session.enabled("CONDSTORE");
        boolean withUid = byUid || session.enabled("QRESYNC");
        long folderId = folder.folderId();
        return session.mailbox()
                .call(listener -> listener.store(folderId, uids, change))
                .thenApply(changed -> {
                    ImapReply reply = new ImapReply();
                    java.util.Set<Long> modified = new java.util.TreeSet<>(uids);
                    for (MessageFlags message : changed) {
                        folder.announceKeywords(message.flags(), reply);
                        modified.remove(message.uid());
                        int sequence = folder.sequenceOf(message.uid());
                        if (sequence == 0) {
                            continue;
                        }
                        if (!silent || !message.flags().equals(folder.flags(sequence))) {
                            // .SILENT still reports changes the client did not ask for (RFC 3501 §6.4.6)
                            if (!silent) {
                                reply.untagged(sequence + " FETCH (" + (withUid ? "UID " + message.uid() + " " : "")
                                        + "FLAGS " + folder.flagList(message.uid(), message.flags())
                                        + (withModseq ? " MODSEQ (" + message.modseq() + ")" : "") + ")");
                            }
                        }
                        folder.flagsReported(message);
                    }
                    session.changed(folderId);
                    if (change.unchangedSince() >= 0 && !modified.isEmpty()) {
                        List<Long> numbers = new java.util.ArrayList<>();
                        for (long uid : modified) {
                            int sequence = folder.sequenceOf(uid);
                            if (sequence > 0) {
                                numbers.add(byUid ? uid : sequence);
                            }
                        }
                        java.util.Collections.sort(numbers);
                        if (!numbers.isEmpty()) {
                            return reply.tagged(
                                    tag,
                                    ImapResponses.ok("[MODIFIED " + SequenceSet.compact(numbers)
                                            + "] Conditional STORE failed for some messages"));
                        }
                    }
                    return reply.tagged(tag, ImapResponses.ok("STORE completed"));
                });
    }
}
