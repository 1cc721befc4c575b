package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FolderStatus;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapStrings;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** STATUS folder (items): counters of a folder without selecting it. */
final class StatusCommand implements ImapCommand {

    private static final Set<String> ITEMS =
            Set.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "SIZE", "DELETED", "HIGHESTMODSEQ");

    @Override
    public Set<ImapState> validStates() {
        return AUTHENTICATED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        String name = parser.astring();
        parser.sp();
        List<String> items = items(parser);
        parser.end();
        return session.mailbox().call(listener -> listener.status(name)).thenApply(status -> {
            if (status == null) {
                return new ImapReply().tagged(tag, ImapResponses.NONEXISTENT);
            }
            return new ImapReply().untagged(response(status, items)).tagged(tag, ImapResponses.ok("STATUS completed"));
        });
    }

    /** A parenthesised list of STATUS items (also used by LIST ... RETURN (STATUS (...))). */
    static List<String> items(ImapParser parser) throws ImapSyntaxException {
        parser.expect('(');
        List<String> items = new ArrayList<>();
        do {
            String item = parser.keyword();
            if (!ITEMS.contains(item)) {
                throw new ImapSyntaxException("unknown STATUS item " + item);
            }
            items.add(item);
        } while (parser.tryChar(' '));
        parser.expect(')');
        return items;
    }

    /** The untagged STATUS response (without "* "). */
    static String response(FolderStatus status, List<String> items) {
        List<String> values = new ArrayList<>();
        for (String item : items) {
            values.add(item + " " + value(status, item));
        }
        return "STATUS " + ImapStrings.quoted(status.name()) + " (" + String.join(" ", values) + ")";
    }

    private static long value(FolderStatus status, String item) {
        return switch (item) {
            case "MESSAGES" -> status.messages();
            case "RECENT" -> status.recent();
            case "UIDNEXT" -> status.uidnext();
            case "UIDVALIDITY" -> status.uidvalidity();
            case "UNSEEN" -> status.unseen();
            case "HIGHESTMODSEQ" -> status.highestModseq();
            case "DELETED" -> status.deleted();
            default -> status.size();
        };
    }
}
