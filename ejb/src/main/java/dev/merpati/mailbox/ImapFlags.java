package dev.merpati.mailbox;

import dev.merpati.connector.api.MessageFlags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The IMAP system flags of a mailbox message, read and changed by name. */
final class ImapFlags {

    static final String SEEN = "\\Seen";
    static final String ANSWERED = "\\Answered";
    static final String FLAGGED = "\\Flagged";
    static final String DELETED = "\\Deleted";
    static final String DRAFT = "\\Draft";

    private ImapFlags() {}

    static MessageFlags of(MailboxMessage message) {
        return new MessageFlags(message.getUid(), message.getModseq(), names(message));
    }

    static List<String> names(MailboxMessage message) {
        List<String> flags = new ArrayList<>(5);
        if (message.isSeen()) {
            flags.add(SEEN);
        }
        if (message.isAnswered()) {
            flags.add(ANSWERED);
        }
        if (message.isFlagged()) {
            flags.add(FLAGGED);
        }
        if (message.isDeleted()) {
            flags.add(DELETED);
        }
        if (message.isDraft()) {
            flags.add(DRAFT);
        }
        return flags;
    }

    /** Sets each system flag to whether {@code flags} names it; keywords are not kept. */
    static void set(MailboxMessage message, Collection<String> flags) {
        List<String> normal =
                flags.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        message.setSeen(normal.contains("\\seen"));
        message.setAnswered(normal.contains("\\answered"));
        message.setFlagged(normal.contains("\\flagged"));
        message.setDeleted(normal.contains("\\deleted"));
        message.setDraft(normal.contains("\\draft"));
    }

    /** Whether the message has the flag (a system flag by name, case-insensitive). */
    static boolean has(MailboxMessage message, String flag) {
        return switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> message.isSeen();
            case "\\answered" -> message.isAnswered();
            case "\\flagged" -> message.isFlagged();
            case "\\deleted" -> message.isDeleted();
            case "\\draft" -> message.isDraft();
            default -> false;
        };
    }
}
