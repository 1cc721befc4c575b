package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FolderInfo;
import dev.merpati.connector.api.FolderSnapshot;
import dev.merpati.connector.imap.codec.FlagNames;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapStrings;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.codec.SequenceSet;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
        Qresync qresync = null;
        if (parser.tryChar(' ')) {
            parser.expect('(');
            do {
                String parameter = parser.keyword();
                if (parameter.equals("CONDSTORE")) {
                    session.enable("CONDSTORE");
                } else if (parameter.equals("QRESYNC")) {
                    if (!session.enabled("QRESYNC")) {
                        // RFC 7162 §3.2.5: QRESYNC must be enabled first.
                        throw new ImapSyntaxException("QRESYNC is not enabled");
                    }
                    parser.sp();
                    qresync = Qresync.parse(parser);
                } else {
                    throw new ImapSyntaxException("unknown SELECT parameter " + parameter);
                }
            } while (parser.tryChar(' '));
            parser.expect(')');
        }
        parser.end();
        // A failed SELECT leaves no folder selected (RFC 3501 §6.3.1); under QRESYNC and IMAP4rev2
        // the client is told that the previous one was closed (RFC 7162 §3.2.11).
        boolean closed = session.selected() != null && (session.enabled("QRESYNC") || session.enabled("IMAP4REV2"));
        session.unselect();
        Qresync known = qresync;
        boolean rev2 = session.enabled("IMAP4REV2");
        return session.mailbox()
                .call(listener -> listener.select(name, readOnly))
                .thenCompose(snapshot -> {
                    ImapReply reply = new ImapReply();
                    if (closed) {
                        reply.untagged("OK [CLOSED] Previous mailbox closed");
                    }
                    if (snapshot == null) {
                        return ImapCommand.done(reply.tagged(tag, ImapResponses.NONEXISTENT));
                    }
                    SelectedFolder folder = new SelectedFolder(snapshot, readOnly, !rev2);
                    if (session.enabled("QRESYNC")) {
                        folder.reportVanished();
                    }
                    session.select(folder);
                    // IMAP4rev2 answers SELECT with the folder's LIST line (RFC 9051 §6.3.2).
                    CompletionStage<List<FolderInfo>> listing = rev2
                            ? session.mailbox().call(listener -> listener.folders())
                            : CompletableFuture.completedFuture(null);
                    return listing.thenCompose(folders -> {
                        opened(reply, session, snapshot, folder, readOnly);
                        if (folders != null) {
                            reply.untagged("LIST " + listAttributes(folder.name(), folders) + " \"/\" "
                                    + ImapStrings.quoted(folder.name()));
                        }
                        String done = (readOnly ? "[READ-ONLY] EXAMINE" : "[READ-WRITE] SELECT") + " completed";
                        if (known == null || known.uidvalidity() != folder.uidvalidity()) {
                            return ImapCommand.done(reply.tagged(tag, ImapResponses.ok(done)));
                        }
                        return session.mailbox()
                                .call(listener -> listener.vanished(folder.folderId(), known.modseq()))
                                .thenApply(vanished -> {
                                    if (session.selected() == folder) {
                                        resynchronise(reply, folder, known, vanished);
                                    }
                                    return reply.tagged(tag, ImapResponses.ok(done));
                                });
                    });
                });
    }

    /** The selected folder's LIST attributes: CHILDREN and SPECIAL-USE, as LIST gives them. */
    private static String listAttributes(String name, List<FolderInfo> folders) {
        String prefix = name + "/";
        List<String> attributes = new ArrayList<>();
        attributes.add(
                folders.stream().anyMatch(f -> f.name().startsWith(prefix)) ? "\\HasChildren" : "\\HasNoChildren");
        folders.stream()
                .filter(f -> f.name().equals(name) && f.specialUse() != null)
                .forEach(f -> attributes.add("\\" + f.specialUse()));
        return "(" + String.join(" ", attributes) + ")";
    }

    /**
     * QRESYNC (RFC 7162 §3.2.5.2): what the client missed since its MODSEQ, among the UIDs it knows:
     * the expunged ones as VANISHED (EARLIER), then the changed ones with their flags.
     */
    private static void resynchronise(ImapReply reply, SelectedFolder folder, Qresync known, List<Long> vanished) {
        long largest = Math.max(folder.uidnext() - 1, 1);
        List<Long> gone = new ArrayList<>();
        for (long uid : vanished) {
            // A UID the session still shows was removed after the SELECT: reported later as VANISHED.
            if (folder.sequenceOf(uid) == 0
                    && (known.uids() == null || known.uids().contains(uid, largest))) {
                gone.add(uid);
            }
        }
        if (!gone.isEmpty()) {
            reply.untagged("VANISHED (EARLIER) " + SequenceSet.compact(gone));
        }
        for (int n = 1; n <= folder.count(); n++) {
            long uid = folder.uid(n);
            if (folder.modseq(n) > known.modseq()
                    && (known.uids() == null || known.uids().contains(uid, largest))) {
                reply.untagged(n + " FETCH (UID " + uid + " FLAGS " + folder.flagList(uid, folder.flags(n))
                        + " MODSEQ (" + folder.modseq(n) + "))");
            }
        }
    }

    /** SELECT's QRESYNC parameter: (uidvalidity modseq [known-uids [(known-sequences known-uids)]]). */
    record Qresync(long uidvalidity, long modseq, SequenceSet uids) {

        static Qresync parse(ImapParser parser) throws ImapSyntaxException {
            parser.expect('(');
            long uidvalidity = parser.nzNumber();
            parser.sp();
            long modseq = parser.number();
            SequenceSet uids = null;
            if (parser.tryChar(' ')) {
                uids = parser.sequenceSet();
                if (parser.tryChar(' ')) {
                    // The sequence-match data helps servers without a full expunge log; this one has it.
                    parser.expect('(');
                    parser.sequenceSet();
                    parser.sp();
                    parser.sequenceSet();
                    parser.expect(')');
                }
            }
            parser.expect(')');
            return new Qresync(uidvalidity, modseq, uids);
        }
    }

    private static ImapReply opened(
            ImapReply reply, ImapSession session, FolderSnapshot snapshot, SelectedFolder folder, boolean readOnly) {
        reply.untagged("FLAGS " + FlagNames.flags(folder.keywords()))
                .untagged("OK [PERMANENTFLAGS " + (readOnly ? "()" : FlagNames.permanent(folder.keywords()))
                        + "] Flags permitted")
                .untagged(folder.count() + " EXISTS");
        if (!session.enabled("IMAP4REV2")) {
            reply.untagged(folder.recentCount() + " RECENT");
        }
        // IMAP4rev2 dropped the UNSEEN response code (RFC 9051 appendix E).
        for (int n = 1; n <= folder.count() && !session.enabled("IMAP4REV2"); n++) {
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
