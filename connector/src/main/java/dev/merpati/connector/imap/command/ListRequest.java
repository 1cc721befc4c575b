package dev.merpati.connector.imap.command;

import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a LIST or LSUB asks for, parsed from the basic form (RFC 3501 §6.3.8) or the extended one
 * (RFC 5258: selection options, several patterns, return options; RFC 5819: RETURN (STATUS (...));
 * RFC 6154: SPECIAL-USE).
 *
 * @param patterns each already prefixed with the reference name
 * @param extended the client used the extended syntax: names without a folder are then reported as
 *     \NonExistent rather than \Noselect
 * @param statusItems the STATUS items to return with each listed folder, empty for none
 */
record ListRequest(
        boolean lsub,
        boolean extended,
        Set<String> selection,
        Set<String> returns,
        List<String> statusItems,
        List<String> patterns) {

    static final String SUBSCRIBED = "SUBSCRIBED";
    static final String REMOTE = "REMOTE";
    static final String RECURSIVEMATCH = "RECURSIVEMATCH";
    static final String SPECIAL_USE = "SPECIAL-USE";
    static final String CHILDREN = "CHILDREN";
    static final String STATUS = "STATUS";

    private static final Set<String> SELECTION_OPTIONS = Set.of(SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE);
    /** Selection options that select mailboxes by a property (RFC 5258 list-select-base-opt). */
    static final List<String> BASE_OPTIONS = List.of(SUBSCRIBED, SPECIAL_USE);

    private static final Set<String> RETURN_OPTIONS = Set.of(SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS);

    /** Parses the arguments after "LIST " or "LSUB ". */
    static ListRequest parse(ImapParser parser, boolean lsub) throws ImapSyntaxException {
        boolean extended = false;
        Set<String> selection = new LinkedHashSet<>();
        if (!lsub && parser.peek() == '(') {
            extended = true;
            parser.expect('(');
            if (!parser.tryChar(')')) {
                do {
                    String option = parser.keyword();
                    if (!SELECTION_OPTIONS.contains(option)) {
                        throw new ImapSyntaxException("unknown LIST selection option " + option);
                    }
                    selection.add(option);
                } while (parser.tryChar(' '));
                parser.expect(')');
            }
            parser.sp();
            if (selection.contains(RECURSIVEMATCH) && BASE_OPTIONS.stream().noneMatch(selection::contains)) {
                throw new ImapSyntaxException("RECURSIVEMATCH needs a selection option such as SUBSCRIBED");
            }
        }
        String reference = parser.astring();
        parser.sp();
        List<String> patterns = new ArrayList<>();
        if (!lsub && parser.peek() == '(') {
            extended = true;
            parser.expect('(');
            do {
                patterns.add(reference + parser.listMailbox());
            } while (parser.tryChar(' '));
            parser.expect(')');
        } else {
            String pattern = parser.listMailbox();
            // an empty pattern asks for the delimiter, whatever the reference
            patterns.add(pattern.isEmpty() ? "" : reference + pattern);
        }
        Set<String> returns = new LinkedHashSet<>();
        List<String> statusItems = List.of();
        if (!lsub && parser.tryChar(' ')) {
            extended = true;
            if (!parser.keyword().equals("RETURN")) {
                throw new ImapSyntaxException("expected RETURN");
            }
            parser.sp();
            parser.expect('(');
            if (!parser.tryChar(')')) {
                do {
                    String option = parser.keyword();
                    if (!RETURN_OPTIONS.contains(option)) {
                        throw new ImapSyntaxException("unknown LIST return option " + option);
                    }
                    if (option.equals(STATUS)) {
                        parser.sp();
                        statusItems = StatusCommand.items(parser);
                    }
                    returns.add(option);
                } while (parser.tryChar(' '));
                parser.expect(')');
            }
        }
        parser.end();
        return new ListRequest(lsub, extended, selection, returns, statusItems, patterns);
    }

    /** LIST "" "": the client asks for the hierarchy delimiter only. */
    boolean delimiterOnly() {
        return patterns.size() == 1 && patterns.get(0).isEmpty();
    }

    /** The base selection options given (SUBSCRIBED, SPECIAL-USE); LSUB selects by subscription. */
    List<String> baseSelection() {
        if (lsub) {
            return List.of(SUBSCRIBED);
        }
        return BASE_OPTIONS.stream().filter(selection::contains).toList();
    }

    boolean recursiveMatch() {
        return selection.contains(RECURSIVEMATCH);
    }

    /** Whether each LIST response carries \Subscribed where it applies. */
    boolean showSubscribed() {
        return !lsub && (selection.contains(SUBSCRIBED) || returns.contains(SUBSCRIBED));
    }
}
