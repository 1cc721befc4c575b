/**
 * Netty plumbing shared by the protocols: server bootstrap, event-loop threads, ordered (pipelining
 * safe) input handling with back-pressure, command-line framing, dot-stuffing of responses, TLS, and
 * the spooling of incoming messages (SMTP DATA/BDAT, IMAP APPEND). The protocol packages depend on
 * this one and never on each other.
 */
package dev.merpati.connector.net;
