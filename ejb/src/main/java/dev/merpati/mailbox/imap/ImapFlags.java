package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.FlagChange;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.mailbox.Flag;
import dev.merpati.mailbox.FlagUpdate;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.MessageFlagState;
import dev.merpati.mailbox.StoredMessage;
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
    static final int MAX_KEYWORD = MailboxStore.MAX_KEYWORD;

    /** IMAP flag names split into the store's system flags and keywords. */
    record Split(Set<Flag> system, List<String> keywords) {}

    /** The storable names among {@code flags}: system flags by any case, keywords as written. */
    static Split split(Collection<String> flags) {
        Set<Flag> system = java.util.EnumSet.noneOf(Flag.class);
        List<String> keywords = new ArrayList<>();
        for (String flag : flags) {
            if (!storable(flag)) {
                continue;
            }
            Flag known = system(flag);
            if (known != null) {
                system.add(known);
            } else {
                keywords.add(flag);
            }
        }
        return new Split(system, keywords);
    }

    /** A STORE as the store's flag update. */
    static FlagUpdate update(FlagChange change) {
        Split split = split(change.flags());
        FlagUpdate.Mode mode =
                switch (change.mode()) {
                    case REPLACE -> FlagUpdate.Mode.REPLACE;
                    case ADD -> FlagUpdate.Mode.ADD;
                    case REMOVE -> FlagUpdate.Mode.REMOVE;
                };
        return new FlagUpdate(mode, split.system(), split.keywords(), change.unchangedSince());
    }

    /** A message's flags as IMAP names them. */
    static MessageFlags of(MessageFlagState state) {
        Set<Flag> flags = state.flags();
        return new MessageFlags(
                state.uid(),
                state.modseq(),
                names(
                        flags.contains(Flag.SEEN),
                        flags.contains(Flag.ANSWERED),
                        flags.contains(Flag.FLAGGED),
                        flags.contains(Flag.DELETED),
                        flags.contains(Flag.DRAFT),
                        state.keywords()));
    }

    private static Flag system(String flag) {
        return switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> Flag.SEEN;
            case "\\answered" -> Flag.ANSWERED;
            case "\\flagged" -> Flag.FLAGGED;
            case "\\deleted" -> Flag.DELETED;
            case "\\draft" -> Flag.DRAFT;
            default -> null;
        };
    }

    private ImapFlags() {}

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

    /** Whether the message has the flag: a system flag or a keyword, by name, case-insensitive. */
    static boolean has(StoredMessage message, String flag) {
        Flag system = system(flag);
        if (system != null) {
            return message.has(system);
        }
        return !flag.startsWith("\\") && message.keywords().stream().anyMatch(flag::equalsIgnoreCase);
    }
}
