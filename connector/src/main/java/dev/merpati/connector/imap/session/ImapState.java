package dev.merpati.connector.imap.session;

/** The connection states of RFC 3501 §3. */
public enum ImapState {
    NOT_AUTHENTICATED,
    AUTHENTICATED,
    SELECTED,
    LOGOUT
}
