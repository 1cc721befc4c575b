/**
 * The IMAP commands: {@link dev.merpati.connector.imap.command.ImapCommand} with the states each is
 * valid in, the table of commands by name ({@link dev.merpati.connector.imap.command.ImapCommands}),
 * one class per command or command group (…Command), the argument parsers that belong to a single
 * command (FETCH items, LIST requests and the folders they list, SEARCH criteria), and the status
 * texts and capability list ({@link dev.merpati.connector.imap.command.ImapResponses}). Commands are
 * stateless: they read and change the {@link dev.merpati.connector.imap.session.ImapSession} and
 * parse and answer with the codec.
 */
package dev.merpati.connector.imap.command;
