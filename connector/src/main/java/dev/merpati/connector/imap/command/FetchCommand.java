package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.FetchedMessage;
import dev.merpati.connector.api.SectionData;
import dev.merpati.connector.imap.codec.ImapDates;
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

/**
 * FETCH and UID FETCH: one listener call for all the messages; stored ENVELOPE and BODYSTRUCTURE
 * are sent as they are, body sections are streamed as literals by message and range.
 */
final class FetchCommand implements ImapCommand {

    private final boolean byUid;

    FetchCommand(boolean byUid) {
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
        FetchItems items = FetchItems.parse(parser);
        long changedSince = -1;
        boolean vanished = false;
        if (parser.tryChar(' ')) {
            // CONDSTORE/QRESYNC (RFC 7162): FETCH ... (CHANGEDSINCE n [VANISHED])
            parser.expect('(');
            do {
                String modifier = parser.keyword();
                if (modifier.equals("CHANGEDSINCE")) {
                    parser.sp();
                    changedSince = parser.number();
                } else if (modifier.equals("VANISHED")) {
                    vanished = true;
                } else {
                    throw new ImapSyntaxException("unknown FETCH modifier");
                }
            } while (parser.tryChar(' '));
            parser.expect(')');
        }
        parser.end();
        if (vanished && (!byUid || changedSince < 0 || !session.enabled("QRESYNC"))) {
            // RFC 7162 §3.2.6: only UID FETCH, with CHANGEDSINCE, once QRESYNC is enabled.
            throw new ImapSyntaxException("VANISHED needs UID FETCH, CHANGEDSINCE and QRESYNC enabled");
        }
        if (changedSince >= 0 || items.has("MODSEQ")) {
            session.enable("CONDSTORE");
        }
        boolean withModseq = session.enabled("CONDSTORE");
        // Under QRESYNC every FETCH response names its UID, so VANISHED and FETCH speak the same language.
        boolean withUid = byUid || items.has("UID") || session.enabled("QRESYNC");
        long since = changedSince;
        SelectedFolder folder = session.selected();
        List<Long> uids = folder.resolve(set, byUid);
        long folderId = folder.folderId();
        CompletionStage<ImapReply> start = ImapCommand.done(new ImapReply());
        if (vanished) {
            long largest = Math.max(folder.uidnext() - 1, 1);
            start = session.mailbox()
                    .call(listener -> listener.vanished(folderId, since))
                    .thenApply(gone -> {
                        List<Long> reported = gone.stream()
                                .filter(uid -> folder.sequenceOf(uid) == 0 && set.contains(uid, largest))
                                .toList();
                        ImapReply reply = new ImapReply();
                        if (!reported.isEmpty()) {
                            reply.untagged("VANISHED (EARLIER) " + SequenceSet.compact(reported));
                        }
                        return reply;
                    });
        }
        if (uids.isEmpty()) {
            return start.thenApply(reply -> reply.tagged(tag, ImapResponses.ok("FETCH completed")));
        }
        boolean markSeen = items.marksSeen() && !folder.readOnly();
        FetchRequest request = new FetchRequest(items.sections(), markSeen);
        return start.thenCompose(reply -> session.mailbox()
                .call(listener -> listener.fetch(folderId, uids, request))
                .thenApply(messages -> {
                    if (messages.stream()
                            .flatMap(m -> m.sections().stream())
                            .anyMatch(d -> d.decoding() != null && !d.decoding().known())) {
                        return reply.tagged(tag, ImapResponses.UNKNOWN_CTE);
                    }
                    boolean seenChanged = false;
                    for (FetchedMessage message : messages) {
                        int sequence = folder.sequenceOf(message.flags().uid());
                        if (sequence == 0 || message.flags().modseq() <= since) {
                            continue;
                        }
                        folder.announceKeywords(message.flags().flags(), reply);
                        boolean flagsChanged = !message.flags().flags().equals(folder.flags(sequence));
                        seenChanged |= flagsChanged;
                        respond(reply, folder, sequence, message, items, flagsChanged, withModseq, withUid);
                        folder.flagsReported(message.flags());
                    }
                    if (seenChanged) {
                        session.changed(folderId);
                    }
                    return reply.tagged(tag, ImapResponses.ok("FETCH completed"));
                }));
    }

    private void respond(
            ImapReply reply,
            SelectedFolder folder,
            int sequence,
            FetchedMessage message,
            FetchItems items,
            boolean flagsChanged,
            boolean withModseq,
            boolean withUid) {
        reply.text("* " + sequence + " FETCH (");
        boolean first = true;
        if (withUid) {
            reply.text("UID " + message.flags().uid());
            first = false;
        }
        if (flagsChanged && !items.has("FLAGS")) {
            reply.text((first ? "" : " ") + "FLAGS "
                    + folder.flagList(message.flags().uid(), message.flags().flags()));
            first = false;
        }
        if (withModseq && !items.has("MODSEQ")) {
            reply.text((first ? "" : " ") + "MODSEQ (" + message.flags().modseq() + ")");
            first = false;
        }
        int sectionIndex = 0;
        for (FetchItems.Item item : items.items) {
            if (!item.isSection() && item.name().equals("UID")) {
                continue;
            }
            reply.text(first ? "" : " ");
            first = false;
            if (item.isSection()) {
                SectionData data = message.sections().get(sectionIndex++);
                if (data.decoding() != null) {
                    binary(reply, item, message.messageId(), data);
                } else if (item.sizeOnly()) {
                    reply.text(item.label() + " " + data.length());
                } else {
                    literal(reply, item, message.messageId(), data);
                }
                continue;
            }
            reply.text(
                    switch (item.name()) {
                        case "FLAGS" -> "FLAGS "
                                + folder.flagList(
                                        message.flags().uid(), message.flags().flags());
                        case "INTERNALDATE" -> "INTERNALDATE \"" + ImapDates.format(message.internalDate()) + "\"";
                        case "RFC822.SIZE" -> "RFC822.SIZE " + message.size();
                        case "ENVELOPE" -> "ENVELOPE " + message.envelope();
                        case "BODY" -> "BODY " + message.body();
                        case "BODYSTRUCTURE" -> "BODYSTRUCTURE " + message.bodyStructure();
                        case "MODSEQ" -> "MODSEQ (" + message.flags().modseq() + ")";
                        default -> throw new IllegalStateException(item.name());
                    });
        }
        reply.text(")\r\n");
    }

    /** BINARY (RFC 3516 §4.2): decoded on the way out, as a literal8 when the octets hold NUL. */
    private static void binary(ImapReply reply, FetchItems.Item item, long messageId, SectionData data) {
        SectionData.Decoding decoding = data.decoding();
        if (item.sizeOnly()) {
            reply.text(item.label() + " " + decoding.length());
            return;
        }
        long start = 0;
        long length = decoding.length();
        if (item.partialStart() >= 0) {
            start = Math.min(item.partialStart(), decoding.length());
            length = Math.min(item.partialLength(), decoding.length() - start);
        }
        reply.text(item.label() + " " + (decoding.containsNul() ? "~{" : "{") + length + "}\r\n");
        reply.decoded(messageId, data.offset(), data.length(), decoding.encoding(), start, length);
    }

    private static void literal(ImapReply reply, FetchItems.Item item, long messageId, SectionData data) {
        long start = 0;
        long length = data.length();
        if (item.partialStart() >= 0) {
            start = Math.min(item.partialStart(), data.length());
            length = Math.min(item.partialLength(), data.length() - start);
        }
        reply.text(item.label() + " {" + length + "}\r\n");
        if (data.octets() != null) {
            byte[] piece = java.util.Arrays.copyOfRange(data.octets(), (int) start, (int) (start + length));
            reply.bytes(piece);
        } else {
            reply.octets(messageId, data.offset() + start, length);
        }
    }
}
