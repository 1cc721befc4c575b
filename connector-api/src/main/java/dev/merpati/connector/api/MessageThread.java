package dev.merpati.connector.api;

import java.util.List;

/**
 * A node of a THREAD answer (RFC 5256): a message and its replies.
 *
 * @param uid the message's UID, or 0 for a placeholder that only groups its children (a message the
 *     mailbox does not hold)
 */
public record MessageThread(long uid, List<MessageThread> children) {

    public boolean placeholder() {
        return uid == 0;
    }
}
