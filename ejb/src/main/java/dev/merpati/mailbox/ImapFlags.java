package dev.merpati.mailbox;

import dev.merpati.connector.api.MessageFlags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The IMAP flags of a mailbox message (system flags and keywords), read and changed by name. */
final class ImapFlags {

    static final String SEEN = "\\Seen";
    static final String ANSWERED = "\\Answered";
    static final String FLAGGED = "\\Flagged";
    static final String DELETED = "\\Deleted";
    static final String DRAFT = "\\Draft";

    /** The longest keyword kept (the message_keyword column). */
    static final int MAX_KEYWORD = 255;

    private ImapFlags() {}

    /** With the message's own (lazily loaded) keywords: for a few messages. */
    static MessageFlags of(MailboxMessage message) {
        return of(message, message.getKeywords());
    }

    /** With keywords read beforehand for many messages at once. */
    static MessageFlags of(MailboxMessage message, Collection<String> keywords) {
        return new MessageFlags(message.getUid(), message.getModseq(), names(message, keywords));
    }

    /** From the columns alone, with keywords read beforehand: for a whole folder (SELECT). */
    static MessageFlags of(FlagRow row, Collection<String> keywords) {
        return new MessageFlags(
                row.uid(),
                row.modseq(),
                names(row.seen(), row.answered(), row.flagged(), row.deleted(), row.draft(), keywords));
    }

    static List<String> names(MailboxMessage message) {
        return names(message, message.getKeywords());
    }

    static List<String> names(MailboxMessage message, Collection<String> keywords) {
        return names(
                message.isSeen(),
                message.isAnswered(),
                message.isFlagged(),
                message.isDeleted(),
                message.isDraft(),
                keywords);
    }

    /** System flags first, then the keywords in a stable (case-insensitive) order. */
    private static List<String> names(
            boolean seen,
            boolean answered,
            boolean flagged,
            boolean deleted,
            boolean draft,
            Collection<String> keywords) {
        List<String> flags = new ArrayList<>(5 + keywords.size());
        if (seen) {
            flags.add(SEEN);
        }
        if (answered) {
            flags.add(ANSWERED);
        }
        if (flagged) {
            flags.add(FLAGGED);
        }
        if (deleted) {
            flags.add(DELETED);
        }
        if (draft) {
            flags.add(DRAFT);
        }
        flags.addAll(caseInsensitive(keywords));
        return flags;
    }

    /** A set of flag names compared as IMAP compares them: without regard to case. */
    static Set<String> caseInsensitive(Collection<String> flags) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(flags);
        return set;
    }

    /**
     * Whether a client may set the flag: the five system flags and keywords. \Recent is the
     * server's, \* only a PERMANENTFLAGS marker; other backslash names are not flags of this server.
     */
    static boolean storable(String flag) {
        if (flag.startsWith("\\")) {
            return switch (flag.toLowerCase(Locale.ROOT)) {
                case "\\seen", "\\answered", "\\flagged", "\\deleted", "\\draft" -> true;
                default -> false;
            };
        }
        return !flag.isEmpty() && flag.length() <= MAX_KEYWORD;
    }

    /** Sets each system flag to whether {@code flags} names it, and the keywords to the others. */
    static void set(MailboxMessage message, Collection<String> flags) {
        List<String> normal =
                flags.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        message.setSeen(normal.contains("\\seen"));
        message.setAnswered(normal.contains("\\answered"));
        message.setFlagged(normal.contains("\\flagged"));
        message.setDeleted(normal.contains("\\deleted"));
        message.setDraft(normal.contains("\\draft"));
        Set<String> keywords = caseInsensitive(
                flags.stream().filter(f -> !f.startsWith("\\") && storable(f)).toList());
        Set<String> current = message.getKeywords();
        if (!caseInsensitive(current).equals(keywords)) {
            current.clear();
            current.addAll(keywords);
        }
    }

    /** Whether the message has the flag: a system flag or a keyword, by name, case-insensitive. */
    static boolean has(MailboxMessage message, String flag) {
        return switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> message.isSeen();
            case "\\answered" -> message.isAnswered();
            case "\\flagged" -> message.isFlagged();
            case "\\deleted" -> message.isDeleted();
            case "\\draft" -> message.isDraft();
            default -> !flag.startsWith("\\") && message.getKeywords().stream().anyMatch(flag::equalsIgnoreCase);
        };
    }
}
