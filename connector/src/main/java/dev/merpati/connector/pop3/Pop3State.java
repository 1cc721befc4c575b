package dev.merpati.connector.pop3;

/** The POP3 session states of RFC 1939; each command declares the states it is valid in. */
public enum Pop3State {
    AUTHORIZATION,
    TRANSACTION,
    /** After QUIT in TRANSACTION: deletions are applied, then the connection closes. */
    UPDATE
}
