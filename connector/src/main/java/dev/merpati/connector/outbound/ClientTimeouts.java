package dev.merpati.connector.outbound;

/**
 * How long the SMTP client waits at each step of a session, in milliseconds, named and defaulted
 * after Postfix's smtp(8) timeouts: smtp_connect_timeout (30 s), smtp_helo_timeout (300 s, which
 * also covers the greeting and STARTTLS), smtp_mail_timeout and smtp_rcpt_timeout (300 s),
 * smtp_data_init_timeout (120 s), smtp_data_done_timeout (600 s) and smtp_quit_timeout (300 s).
 */
record ClientTimeouts(int connect, int helo, int mail, int rcpt, int dataInit, int dataDone, int quit) {

    static final ClientTimeouts POSTFIX =
            new ClientTimeouts(30_000, 300_000, 300_000, 300_000, 120_000, 600_000, 300_000);

    /** The same timeout for every step (tests). */
    static ClientTimeouts all(int millis) {
        return new ClientTimeouts(millis, millis, millis, millis, millis, millis, millis);
    }
}
