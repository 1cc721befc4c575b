package dev.merpati.mailbox;

/**
 * A folder changed (messages added or expunged, flags changed), fired once per folder and
 * transaction after the transaction committed. IMAP IDLE, POP3 and the webmail's live updates all
 * learn of changes from it.
 */
public record MailboxChange(long accountId, long folderId) {}
