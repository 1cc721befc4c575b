/**
 * The SMTP server (RFC 5321): commands with their valid states, replies with enhanced status codes in
 * {@link dev.merpati.connector.smtp.SmtpReplies}, DATA framing in {@link
 * dev.merpati.connector.smtp.MessageDataDecoder}; content is spooled by the shared {@link
 * dev.merpati.connector.net.MessageSpool}.
 */
package dev.merpati.connector.smtp;
