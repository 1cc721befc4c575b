/**
 * IMAP wire syntax, free of session state and I/O: a command as it arrived ({@link
 * dev.merpati.connector.imap.codec.CommandInput}) and its literal announcements, the token parser
 * ({@link dev.merpati.connector.imap.codec.ImapParser}) and its {@link
 * dev.merpati.connector.imap.codec.ImapSyntaxException}, sequence sets, dates, flag lists, quoted
 * strings, modified UTF-7 folder names, and the answer being built ({@link
 * dev.merpati.connector.imap.codec.ImapReply}). Depends on nothing else of the IMAP server.
 */
package dev.merpati.connector.imap.codec;
