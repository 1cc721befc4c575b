package dev.merpati.connector.api;

/**
 * A message in a POP3 maildrop.
 *
 * @param messageId the store's id of the message in the mailbox
 * @param size the exact size in octets as RETR sends it (before byte-stuffing)
 * @param uniqueId the UIDL value: unique and stable forever for this message
 */
public record MaildropMessage(long messageId, long size, String uniqueId) {}
