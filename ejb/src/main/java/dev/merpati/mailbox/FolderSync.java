package dev.merpati.mailbox;

import java.util.List;

/**
 * A folder as a client that keeps it in sync holds it: UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ, every
 * message's UID, MODSEQ, flags and keywords in UID order, and which of them are recent for the
 * session that asked (RFC 3501 \Recent).
 *
 * @param recent the UIDs of the recent messages, ascending
 */
public record FolderSync(
        long folderId,
        String path,
        long uidValidity,
        long uidNext,
        long highestModseq,
        List<MessageFlagState> messages,
        List<Long> recent) {

    public FolderSync {
        messages = List.copyOf(messages);
        recent = List.copyOf(recent);
    }

    /** How many of the messages are not seen. */
    public long unseen() {
        return messages.stream().filter(m -> !m.flags().contains(Flag.SEEN)).count();
    }
}
