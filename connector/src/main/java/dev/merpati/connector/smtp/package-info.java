/**
 * The SMTP server (RFC 5321): commands with their valid states, replies with enhanced status codes in
 * {@link dev.merpati.connector.smtp.SmtpReplies}, DATA framing in {@link
 * dev.merpati.connector.smtp.MessageDataDecoder}, content spooling in {@link
 * dev.merpati.connector.smtp.MessageSpool}.
 */
package dev.merpati.connector.smtp;
