/**
 * Netty plumbing shared by the protocols: server bootstrap, event-loop threads, ordered (pipelining
 * safe) input handling with back-pressure, command-line framing and dot-stuffing of responses.
 */
package dev.merpati.connector.net;
