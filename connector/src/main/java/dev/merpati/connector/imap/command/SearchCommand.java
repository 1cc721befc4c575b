package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.SearchKey;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * SEARCH and UID SEARCH, with CHARSET (UTF-8, US-ASCII) and ESEARCH's RETURN options; answered with
 * ESEARCH when RETURN was given or IMAP4rev2 is enabled.
 */
final class SearchCommand implements ImapCommand {

    private static final Set<String> CHARSETS = Set.of("UTF-8", "US-ASCII");

    private final boolean byUid;

    SearchCommand(boolean byUid) {
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
        List<String> returns = null;
        if (peekKeyword(parser, "RETURN")) {
            parser.keyword();
            parser.sp();
            parser.expect('(');
            returns = new ArrayList<>();
            if (!parser.tryChar(')')) {
                do {
                    returns.add(parser.keyword());
                } while (parser.tryChar(' '));
                parser.expect(')');
            }
            parser.sp();
        }
        if (peekKeyword(parser, "CHARSET")) {
            parser.keyword();
            parser.sp();
            String charset = parser.astring().toUpperCase(Locale.ROOT);
            if (!CHARSETS.contains(charset)) {
                return ImapCommand.tagged(tag, ImapResponses.no("[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset"));
            }
            parser.sp();
        }
        SelectedFolder folder = session.selected();
        SearchParser searchParser = new SearchParser(parser, folder);
        SearchKey criteria = searchParser.criteria();
        boolean modseq = searchParser.usesModseq;
        if (modseq) {
            session.enable("CONDSTORE");
        }
        List<Long> all = folder.resolve(SequenceSet.parse("1:*"), false);
        long folderId = folder.folderId();
        boolean extended = returns != null || session.enabled("IMAP4REV2");
        List<String> options = returns == null || returns.isEmpty() ? List.of("ALL") : returns;
        return session.mailbox()
                .call(listener -> listener.search(folderId, all, criteria))
                .thenApply(found -> {
                    List<Long> numbers = new ArrayList<>();
                    long highest = 0;
                    for (long uid : found) {
                        int sequence = folder.sequenceOf(uid);
                        if (sequence > 0) {
                            numbers.add(byUid ? uid : sequence);
                            highest = Math.max(highest, folder.modseq(sequence));
                        }
                    }
                    ImapReply reply = new ImapReply();
                    if (extended) {
                        reply.untagged(esearch(tag, numbers, options));
                    } else {
                        StringBuilder line = new StringBuilder("SEARCH");
                        numbers.forEach(n -> line.append(' ').append(n));
                        if (modseq && !numbers.isEmpty()) {
                            line.append(" (MODSEQ ").append(highest).append(')');
                        }
                        reply.untagged(line.toString());
                    }
                    return reply.tagged(tag, ImapResponses.ok("SEARCH completed"));
                });
    }

    private String esearch(String tag, List<Long> numbers, List<String> options) {
        StringBuilder line = new StringBuilder("ESEARCH (TAG " + ImapStrings.quoted(tag) + ")");
        if (byUid) {
            line.append(" UID");
        }
        if (numbers.isEmpty()) {
            if (options.contains("COUNT")) {
                line.append(" COUNT 0");
            }
            return line.toString();
        }
        for (String option : options) {
            switch (option) {
                case "MIN" -> line.append(" MIN ").append(numbers.get(0));
                case "MAX" -> line.append(" MAX ").append(numbers.get(numbers.size() - 1));
                case "COUNT" -> line.append(" COUNT ").append(numbers.size());
                case "ALL" -> line.append(" ALL ").append(SequenceSet.compact(numbers));
                default -> {
                    // unknown options are ignored
                }
            }
        }
        return line.toString();
    }

    private static boolean peekKeyword(ImapParser parser, String keyword) {
        String rest = parser.excerpt();
        return rest.length() > keyword.length()
                && rest.regionMatches(true, 0, keyword, 0, keyword.length())
                && rest.charAt(keyword.length()) == ' ';
    }
}
