/**
 * The outbound connection definition for remote delivery (Postfix's smtp(8)): {@link
 * dev.merpati.connector.api.SmtpClientConnectionFactory}, whose connections run a blocking SMTP
 * client session on the caller's thread (a delivery MDB's, never the event loop).
 */
package dev.merpati.connector.outbound;
