package dev.merpati.connector.imap;

import dev.merpati.connector.api.FolderInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** LIST and LSUB: the folders whose names match a pattern, with CHILDREN and SPECIAL-USE attributes. */
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
        String reference = parser.astring();
        parser.sp();
        String pattern = parser.listMailbox();
        parser.end();
        String verb = subscribedOnly ? "LSUB" : "LIST";
        if (pattern.isEmpty()) {
            return ImapCommand.done(new ImapReply()
                    .untagged(verb + " (\\Noselect) \"/\" \"\"")
                    .tagged(tag, ImapResponses.ok(verb + " completed")));
        }
        String full = reference + pattern;
        long accountId = session.accountId();
        return session.mailbox().call(listener -> listener.folders(accountId)).thenApply(folders -> {
            Set<String> names = new HashSet<>();
            folders.forEach(f -> names.add(f.name()));
            ImapReply reply = new ImapReply();
            for (FolderInfo folder : folders) {
                if ((subscribedOnly && !folder.subscribed()) || !matches(full, folder.name())) {
                    continue;
                }
                reply.untagged(verb + " (" + String.join(" ", attributes(folder, names)) + ") \"/\" "
                        + ImapStrings.quoted(folder.name()));
            }
            return reply.tagged(tag, ImapResponses.ok(verb + " completed"));
        });
    }

    private static List<String> attributes(FolderInfo folder, Set<String> names) {
        List<String> attributes = new ArrayList<>();
        String prefix = folder.name() + DELIMITER;
        boolean children = names.stream().anyMatch(n -> n.startsWith(prefix));
        attributes.add(children ? "\\HasChildren" : "\\HasNoChildren");
        if (folder.specialUse() != null) {
            attributes.add("\\" + folder.specialUse());
        }
        return attributes;
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
