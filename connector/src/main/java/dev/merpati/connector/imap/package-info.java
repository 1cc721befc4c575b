/**
 * The IMAP server (RFC 3501 / RFC 9051). This package holds the entry points: the settings ({@link
 * dev.merpati.connector.imap.ImapConfig}), the channel set-up ({@link
 * dev.merpati.connector.imap.ImapChannelInitializer}) and the connection handler that frames command
 * lines and literals, dispatches each complete command and streams the answers. The rest is split
 * by concern:
 *
 * <ul>
 *   <li>{@link dev.merpati.connector.imap.codec}: wire syntax (parser, literals, sequence sets,
 *       dates, strings, modified UTF-7, the reply being built);
 *   <li>{@link dev.merpati.connector.imap.command}: one stateless class per command group and the
 *       command table;
 *   <li>{@link dev.merpati.connector.imap.session}: the per-connection state and the selected
 *       folder;
 *   <li>{@link dev.merpati.connector.imap.events}: the outbound connection through which the mail
 *       store signals folder changes.
 * </ul>
 *
 * Dependencies point one way: this package uses command, session and codec; command uses session and
 * codec; session uses codec; codec uses none of them. Mail work is done by the
 * {@link dev.merpati.connector.api.MailboxListener} endpoint, one call per command.
 */
package dev.merpati.connector.imap;
