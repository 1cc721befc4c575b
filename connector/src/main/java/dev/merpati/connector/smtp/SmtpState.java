package dev.merpati.connector.smtp;

/** Where an SMTP session stands; each command declares the states it is valid in. */
public enum SmtpState {
    /** Greeting sent, no HELO/EHLO yet. */
    CONNECTED,
    /** HELO/EHLO done, no mail transaction. */
    GREETED,
    /** MAIL FROM accepted: a mail transaction is open (RCPT, DATA). */
    TRANSACTION
}
