/**
 * The outbound connection definition that lets the mail store tell the IMAP server which folder
 * changed, after its transaction committed: {@link
 * dev.merpati.connector.api.MailboxChangeSignalFactory} backed by the adapter's {@link
 * dev.merpati.connector.imap.session.MailboxEvents}.
 */
package dev.merpati.connector.imap.events;
