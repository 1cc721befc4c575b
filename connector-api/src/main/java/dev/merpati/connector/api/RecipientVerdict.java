package dev.merpati.connector.api;

/** The answer to a RCPT TO; the connector turns it into the reply code. */
public enum RecipientVerdict {
    /** A local recipient (or one we may relay for): 250 2.1.5. */
    ACCEPTED,
    /** A local domain but no such user: 550 5.1.1. */
    UNKNOWN_USER,
    /** Not a domain of ours and the client may not relay: 554 5.7.1. */
    RELAY_DENIED,
    /** The pipeline cannot decide now: 451 4.3.0. */
    TEMPORARY_FAILURE
}
