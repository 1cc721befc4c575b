package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.imap.codec.ImapDates;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.ArrayList;
import java.util.List;

/** Parses SEARCH criteria (RFC 3501 §6.4.4) into a {@link SearchKey} tree. */
final class SearchParser {

    private final ImapParser parser;
    private final SelectedFolder folder;
    boolean usesModseq;

    SearchParser(ImapParser parser, SelectedFolder folder) {
        this.parser = parser;
        this.folder = folder;
    }

    /** The criteria up to the end of the command, as one AND. */
    SearchKey criteria() throws ImapSyntaxException {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(key(0));
        while (parser.tryChar(' ')) {
            keys.add(key(0));
        }
        parser.end();
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private SearchKey key(int depth) throws ImapSyntaxException {
        if (depth > ImapParser.MAX_DEPTH) {
            throw new ImapSyntaxException("search criteria nested too deeply");
        }
        if (parser.tryChar('(')) {
            List<SearchKey> keys = new ArrayList<>();
            keys.add(key(depth + 1));
            while (parser.tryChar(' ')) {
                keys.add(key(depth + 1));
            }
            parser.expect(')');
            return new SearchKey.And(keys);
        }
        if (parser.atSequenceSet()) {
            return new SearchKey.Uids(folder.resolve(parser.sequenceSet(), false));
        }
        String name = parser.keyword();
        return switch (name) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> flag("\\Answered");
            case "DELETED" -> flag("\\Deleted");
            case "DRAFT" -> flag("\\Draft");
            case "FLAGGED" -> flag("\\Flagged");
            case "SEEN" -> flag("\\Seen");
            case "UNANSWERED" -> not(flag("\\Answered"));
            case "UNDELETED" -> not(flag("\\Deleted"));
            case "UNDRAFT" -> not(flag("\\Draft"));
            case "UNFLAGGED" -> not(flag("\\Flagged"));
            case "UNSEEN" -> not(flag("\\Seen"));
            case "KEYWORD" -> flag(argument().atom());
            case "UNKEYWORD" -> not(flag(argument().atom()));
                // \Recent is the session's own state: the connector knows which UIDs it holds.
            case "NEW" -> new SearchKey.And(List.of(recent(), not(flag("\\Seen"))));
            case "OLD" -> not(recent());
            case "RECENT" -> recent();
            case "BCC", "CC", "FROM", "SUBJECT", "TO" -> new SearchKey.Header(
                    name, argument().astring());
            case "HEADER" -> {
                String field = argument().astring();
                yield new SearchKey.Header(field, argument().astring());
            }
            case "BODY" -> new SearchKey.Text(argument().astring(), false);
            case "TEXT" -> new SearchKey.Text(argument().astring(), true);
            case "LARGER" -> new SearchKey.Size(argument().number(), true);
            case "SMALLER" -> new SearchKey.Size(argument().number(), false);
            case "BEFORE" -> date(SearchKey.Date.Field.INTERNAL, SearchKey.Date.Comparison.BEFORE);
            case "ON" -> date(SearchKey.Date.Field.INTERNAL, SearchKey.Date.Comparison.ON);
            case "SINCE" -> date(SearchKey.Date.Field.INTERNAL, SearchKey.Date.Comparison.SINCE);
            case "SENTBEFORE" -> date(SearchKey.Date.Field.SENT, SearchKey.Date.Comparison.BEFORE);
            case "SENTON" -> date(SearchKey.Date.Field.SENT, SearchKey.Date.Comparison.ON);
            case "SENTSINCE" -> date(SearchKey.Date.Field.SENT, SearchKey.Date.Comparison.SINCE);
            case "UID" -> new SearchKey.Uids(folder.resolve(argument().sequenceSet(), true));
            case "MODSEQ" -> {
                // MODSEQ [entry-name entry-type] n (RFC 7162); per-flag entries are not kept apart
                parser.sp();
                if (parser.peek() == '"') {
                    parser.string();
                    parser.sp();
                    parser.atom();
                    parser.sp();
                }
                usesModseq = true;
                yield new SearchKey.ModseqAtLeast(parser.number());
            }
            case "NOT" -> {
                parser.sp();
                yield not(key(depth + 1));
            }
            case "OR" -> {
                parser.sp();
                SearchKey left = key(depth + 1);
                parser.sp();
                yield new SearchKey.Or(left, key(depth + 1));
            }
            default -> throw new ImapSyntaxException("unknown search key " + name);
        };
    }

    private ImapParser argument() throws ImapSyntaxException {
        parser.sp();
        return parser;
    }

    private SearchKey date(SearchKey.Date.Field field, SearchKey.Date.Comparison comparison)
            throws ImapSyntaxException {
        return new SearchKey.Date(
                field, comparison, ImapDates.parseDate(argument().astring()));
    }

    private static SearchKey flag(String flag) {
        return new SearchKey.Flag(flag);
    }

    private SearchKey recent() {
        return new SearchKey.Uids(folder.recentUids());
    }

    private static SearchKey not(SearchKey key) {
        return new SearchKey.Not(key);
    }
}
