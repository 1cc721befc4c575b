package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FolderStatus;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapStrings;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * LIST and LSUB: the folders whose names match the patterns, with CHILDREN and SPECIAL-USE attributes;
 * LIST also in its extended form (LIST-EXTENDED, LIST-STATUS). The pattern matching and attributes
 * are in {@link MailboxList}.
 */
final class ListCommand implements ImapCommand {

    static final char DELIMITER = '/';

    private final boolean subscribedOnly;

    ListCommand(boolean subscribedOnly) {
        this.subscribedOnly = subscribedOnly;
    }

    @Override
    public Set<ImapState> validStates() {
        return AUTHENTICATED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        ListRequest request = ListRequest.parse(parser, subscribedOnly);
        String verb = subscribedOnly ? "LSUB" : "LIST";
        if (request.delimiterOnly()) {
            return ImapCommand.done(new ImapReply()
                    .untagged(verb + " (\\Noselect) \"/\" \"\"")
                    .tagged(tag, ImapResponses.ok(verb + " completed")));
        }
        return session.mailbox().call(listener -> listener.folders()).thenCompose(folders -> {
            List<MailboxList.Entry> entries = MailboxList.compute(folders, request);
            if (request.statusItems().isEmpty()) {
                return ImapCommand.done(reply(tag, verb, entries, Map.of(), request));
            }
            List<String> names = entries.stream()
                    .filter(MailboxList.Entry::selectable)
                    .map(MailboxList.Entry::name)
                    .toList();
            return session.mailbox().call(listener -> listener.statuses(names)).thenApply(statuses -> {
                Map<String, FolderStatus> byName = new HashMap<>();
                statuses.forEach(status -> byName.put(status.name(), status));
                return reply(tag, verb, entries, byName, request);
            });
        });
    }

    private static ImapReply reply(
            String tag,
            String verb,
            List<MailboxList.Entry> entries,
            Map<String, FolderStatus> statuses,
            ListRequest request) {
        ImapReply reply = new ImapReply();
        for (MailboxList.Entry entry : entries) {
            StringBuilder line = new StringBuilder(verb)
                    .append(" (")
                    .append(String.join(" ", entry.attributes()))
                    .append(") \"/\" ")
                    .append(ImapStrings.quoted(entry.name()));
            if (!entry.childInfo().isEmpty()) {
                line.append(" (\"CHILDINFO\" (");
                line.append(String.join(
                        " ", entry.childInfo().stream().map(ImapStrings::quoted).toList()));
                line.append("))");
            }
            reply.untagged(line.toString());
            FolderStatus status = statuses.get(entry.name());
            if (status != null) {
                reply.untagged(StatusCommand.response(status, request.statusItems()));
            }
        }
        return reply.tagged(tag, ImapResponses.ok(verb + " completed"));
    }

    /** Whether {@code name} matches {@code pattern}: '*' matches anything, '%' anything but '/'. */
    static boolean matches(String pattern, String name) {
        if (name.equals("INBOX")) {
            // INBOX is case-insensitive, also in patterns (RFC 3501 §5.1).
            return matches(pattern.toUpperCase(Locale.ROOT), 0, name, 0, 0) || matches(pattern, 0, name, 0, 0);
        }
        return matches(pattern, 0, name, 0, 0);
    }

    private static boolean matches(String pattern, int p, String name, int n, int depth) {
        if (depth > 64) {
            return false;
        }
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*' || c == '%') {
                // collapse runs of wildcards
                while (p + 1 < pattern.length() && pattern.charAt(p + 1) == c) {
                    p++;
                }
                for (int end = n; end <= name.length(); end++) {
                    if (matches(pattern, p + 1, name, end, depth + 1)) {
                        return true;
                    }
                    if (end < name.length() && c == '%' && name.charAt(end) == DELIMITER) {
                        return false;
                    }
                }
                return false;
            }
            if (n >= name.length() || name.charAt(n) != c) {
                return false;
            }
            p++;
            n++;
        }
        return n == name.length();
    }
}
