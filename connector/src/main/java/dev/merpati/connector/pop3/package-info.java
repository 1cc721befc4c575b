/**
 * The POP3 server (RFC 1939, RFC 2449 CAPA): commands with their valid states, replies in {@link
 * dev.merpati.connector.pop3.Pop3Replies}, the session's maildrop snapshot and the chunked, back-pressured
 * streaming of RETR and TOP.
 */
package dev.merpati.connector.pop3;
