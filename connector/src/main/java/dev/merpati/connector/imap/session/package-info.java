/**
 * The state of one IMAP connection: {@link dev.merpati.connector.imap.session.ImapSession} with its
 * {@link dev.merpati.connector.imap.session.ImapState} and enabled extensions, the {@link
 * dev.merpati.connector.imap.session.SelectedFolder} as the client was told about it, {@link
 * dev.merpati.connector.imap.session.FolderSync} to bring that view up to date, and the {@link
 * dev.merpati.connector.imap.session.MailboxEvents} that wake sessions idling on an account. Uses
 * the codec for the untagged responses it writes; knows nothing of the commands.
 */
package dev.merpati.connector.imap.session;
