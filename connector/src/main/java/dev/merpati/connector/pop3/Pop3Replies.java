package dev.merpati.connector.pop3;

/**
 * Every status line the POP3 server sends, with the response codes of RFC 2449 ({@code [IN-USE]},
 * {@code [LOGIN-DELAY]}) and RFC 3206 ({@code [AUTH]}, {@code [SYS/TEMP]}, {@code [SYS/PERM]}) where
 * they apply.
 */
public final class Pop3Replies {

    public static final String GREETING = "+OK Merpati POP3 server ready";
    public static final String OK = "+OK";
    public static final String LOGGED_IN = "+OK Logged in.";
    public static final String BYE = "+OK Bye";
    public static final String CAPABILITIES = "+OK Capability list follows";
    public static final String MECHANISMS = "+OK SASL mechanisms follow";
    public static final String BEGIN_TLS = "+OK Begin TLS negotiation";
    /** The SASL continuation of RFC 5034 with an empty challenge. */
    public static final String CONTINUE = "+ ";

    public static final String AUTH_FAILED = "-ERR [AUTH] Authentication failed";
    public static final String TOO_MANY_FAILURES = "-ERR [AUTH] Authentication failed; too many failures, bye";
    public static final String PLAINTEXT_DISALLOWED =
            "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections";
    public static final String IN_USE = "-ERR [IN-USE] Maildrop is locked by another POP3 session";
    public static final String AUTH_UNAVAILABLE = "-ERR [SYS/TEMP] Authentication temporarily unavailable";
    public static final String AUTH_CANCELLED = "-ERR Authentication cancelled";
    public static final String BAD_BASE64 = "-ERR [AUTH] Invalid base64 data";
    public static final String BAD_PLAIN = "-ERR [AUTH] Invalid PLAIN authentication data";
    public static final String UNKNOWN_MECHANISM = "-ERR Unsupported authentication mechanism";
    public static final String NO_USER = "-ERR no USER command";
    public static final String TLS_UNAVAILABLE = "-ERR STLS not available";
    public static final String TLS_ACTIVE = "-ERR TLS is already active";
    public static final String MAILDROP_UNAVAILABLE = "-ERR [SYS/TEMP] Maildrop temporarily unavailable";
    public static final String NOT_REMOVED = "-ERR [SYS/TEMP] some deleted messages not removed";
    public static final String NO_SUCH_MESSAGE = "-ERR no such message";
    public static final String ALREADY_DELETED = "-ERR message already deleted";
    public static final String INVALID_NUMBER = "-ERR invalid message number";
    public static final String READ_FAILED = "-ERR [SYS/TEMP] cannot read message";
    public static final String LINE_TOO_LONG = "-ERR line too long";
    public static final String UNKNOWN_COMMAND = "-ERR unknown command";
    public static final String WRONG_STATE = "-ERR command not valid in this state";
    public static final String TIMEOUT = "-ERR Disconnected for inactivity.";

    private Pop3Replies() {}

    public static String syntax(String usage) {
        return "-ERR syntax: " + usage;
    }

    public static String status(int count, long size) {
        return "+OK " + count + " " + size;
    }

    public static String maildrop(int count, long size) {
        return "+OK " + count + " messages (" + size + " octets)";
    }

    public static String deleted(int number) {
        return "+OK message " + number + " deleted";
    }

    public static String octets(long size) {
        return "+OK " + size + " octets";
    }
}
