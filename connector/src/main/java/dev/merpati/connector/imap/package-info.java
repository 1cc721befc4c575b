/**
 * The IMAP server (RFC 3501 / RFC 9051): framing of command lines and literals, the IMAP syntax
 * parser, one stateless class per command group, and the per-connection session. Mail work is done by
 * the {@link dev.merpati.connector.api.MailboxListener} endpoint, one call per command.
 */
package dev.merpati.connector.imap;
