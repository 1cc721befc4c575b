package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SortCriterion;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.codec.SequenceSet;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** SORT and UID SORT (RFC 5256 §3): SORT (keys) charset search-criteria. */
final class SortCommand implements ImapCommand {

    static final Set<String> CHARSETS = Set.of("UTF-8", "US-ASCII");

    static final String BADCHARSET = "[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset";

    private final boolean byUid;

    SortCommand(boolean byUid) {
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
        parser.expect('(');
        List<SortCriterion> order = new ArrayList<>();
        do {
            String name = parser.keyword();
            boolean reverse = name.equals("REVERSE");
            if (reverse) {
                parser.sp();
                name = parser.keyword();
            }
            order.add(new SortCriterion(key(name), reverse));
        } while (parser.tryChar(' '));
        parser.expect(')');
        parser.sp();
        String charset = parser.astring().toUpperCase(Locale.ROOT);
        parser.sp();
        SelectedFolder folder = session.selected();
        SearchKey criteria = new SearchParser(parser, folder).criteria();
        if (!CHARSETS.contains(charset)) {
            return ImapCommand.tagged(tag, ImapResponses.no(BADCHARSET));
        }
        List<Long> all = folder.resolve(SequenceSet.parse("1:*"), false);
        long folderId = folder.folderId();
        return session.mailbox()
                .call(listener -> listener.sort(folderId, all, order, criteria))
                .thenApply(sorted -> {
                    StringBuilder line = new StringBuilder("SORT");
                    for (long uid : sorted) {
                        int sequence = folder.sequenceOf(uid);
                        if (sequence > 0) {
                            line.append(' ').append(byUid ? uid : sequence);
                        }
                    }
                    return new ImapReply()
                            .untagged(line.toString())
                            .tagged(tag, ImapResponses.ok((byUid ? "UID SORT" : "SORT") + " completed"));
                });
    }

    private static SortCriterion.Key key(String name) throws ImapSyntaxException {
        try {
            return SortCriterion.Key.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ImapSyntaxException("unknown sort key " + name);
        }
    }
}
