package dev.merpati.connector.imap;

import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.FetchedMessage;
import dev.merpati.connector.api.SectionData;
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
        if (parser.tryChar(' ')) {
            // CONDSTORE (RFC 7162): FETCH ... (CHANGEDSINCE n)
            parser.expect('(');
            if (!parser.keyword().equals("CHANGEDSINCE")) {
                throw new ImapSyntaxException("unknown FETCH modifier");
            }
            parser.sp();
            changedSince = parser.number();
            parser.expect(')');
        }
        parser.end();
        if (changedSince >= 0 || items.has("MODSEQ")) {
            session.enable("CONDSTORE");
        }
        boolean withModseq = session.enabled("CONDSTORE");
        long since = changedSince;
        SelectedFolder folder = session.selected();
        List<Long> uids = folder.resolve(set, byUid);
        if (uids.isEmpty()) {
            return ImapCommand.tagged(tag, ImapResponses.ok("FETCH completed"));
        }
        boolean markSeen = items.marksSeen() && !folder.readOnly();
        FetchRequest request = new FetchRequest(items.sections(), markSeen);
        long accountId = session.accountId();
        long folderId = folder.folderId();
        return session.mailbox()
                .call(listener -> listener.fetch(accountId, folderId, uids, request))
                .thenApply(messages -> {
                    ImapReply reply = new ImapReply();
                    boolean seenChanged = false;
                    for (FetchedMessage message : messages) {
                        int sequence = folder.sequenceOf(message.flags().uid());
                        if (sequence == 0 || message.flags().modseq() <= since) {
                            continue;
                        }
                        boolean flagsChanged = !message.flags().flags().equals(folder.flags(sequence));
                        seenChanged |= flagsChanged;
                        respond(reply, sequence, message, items, flagsChanged, withModseq);
                        folder.flagsReported(message.flags());
                    }
                    if (seenChanged) {
                        session.changed(folderId);
                    }
                    return reply.tagged(tag, ImapResponses.ok("FETCH completed"));
                });
    }

    private void respond(
            ImapReply reply,
            int sequence,
            FetchedMessage message,
            FetchItems items,
            boolean flagsChanged,
            boolean withModseq) {
        reply.text("* " + sequence + " FETCH (");
        boolean first = true;
        if (byUid || items.has("UID")) {
            reply.text("UID " + message.flags().uid());
            first = false;
        }
        if (flagsChanged && !items.has("FLAGS")) {
            reply.text((first ? "" : " ") + "FLAGS "
                    + FlagNames.list(message.flags().flags()));
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
                literal(reply, item, message.messageId(), data);
                continue;
            }
            reply.text(
                    switch (item.name()) {
                        case "FLAGS" -> "FLAGS "
                                + FlagNames.list(message.flags().flags());
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
