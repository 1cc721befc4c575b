package dev.merpati.connector.api;

import java.util.List;

/**
 * A user's maildrop as POP3 sees it: the INBOX of the account, shared with IMAP.
 */
public interface MaildropListener {

    /** The messages in the account's INBOX in arrival (UID) order. */
    List<MaildropMessage> list();

    /**
     * Reads part of a message of the account, for streaming RETR and TOP in bounded pieces.
     *
     * @return up to {@code maxLength} bytes starting at {@code offset}; an empty array past the end
     * @throws IllegalArgumentException when the message is not (or no longer) in the account's INBOX
     */
    byte[] read(long messageId, long offset, int maxLength);

    /**
     * Removes messages from the account's INBOX (POP3 UPDATE state). Messages already gone are
     * ignored, so a repeated call is harmless.
     *
     * @return how many messages were removed by this call
     */
    int delete(List<Long> messageIds);
}
