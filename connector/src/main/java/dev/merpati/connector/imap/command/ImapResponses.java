package dev.merpati.connector.imap.command;

import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;

/** The server's status texts and capability list, in one place. */
public final class ImapResponses {

    public static final String OK = "OK";
    public static final String NO = "NO";
    public static final String BAD = "BAD";

    public static final String CAPABILITIES = "IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UNSELECT"
            + " UIDPLUS MOVE SPECIAL-USE CHILDREN ESEARCH CONDSTORE QUOTA QUOTA=RES-STORAGE"
            + " LIST-EXTENDED LIST-STATUS SORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES"
            + " BINARY";

    /** Keeping a mailbox in sync: RFC 7162's quick resynchronisation. */
    static final String SYNC_CAPABILITIES = " QRESYNC";

    /**
     * The capability list: STARTTLS while the connection is plain and TLS is configured, the login
     * mechanisms (or LOGINDISABLED) before authentication, APPENDLIMIT always.
     */
    /** RFC 3516 §4.3: a BINARY part whose Content-Transfer-Encoding the server cannot undo. */
    static final String UNKNOWN_CTE = "NO [UNKNOWN-CTE] Cannot decode the part's Content-Transfer-Encoding";

    public static String capabilities(ImapSession session) {
        StringBuilder list = new StringBuilder(CAPABILITIES).append(SYNC_CAPABILITIES);
        list.append(" APPENDLIMIT=").append(session.maxMessageSize());
        if (session.state() == ImapState.NOT_AUTHENTICATED) {
            if (session.tls() != null && !session.secure()) {
                list.append(" STARTTLS");
            }
            list.append(session.loginAllowed() ? " AUTH=PLAIN" : " LOGINDISABLED");
        }
        return list.toString();
    }

    public static String greeting(ImapSession session) {
        return "OK [CAPABILITY " + capabilities(session) + "] Merpati IMAP ready";
    }

    public static String loggedIn(ImapSession session) {
        return "OK [CAPABILITY " + capabilities(session) + "] Logged in";
    }

    public static final String BYE_LOGOUT = "BYE Merpati IMAP logging out";
    public static final String BYE_TIMEOUT = "BYE Idle for too long, closing";
    public static final String BYE_LINE_TOO_LONG = "BYE Command line too long";
    public static final String BYE_LITERAL_TOO_LARGE = "BYE Literal too large";
    public static final String BYE_SHUTDOWN = "BYE Server shutting down";

    public static final String UNKNOWN_COMMAND = "BAD Unknown command";
    public static final String WRONG_STATE = "BAD Command not valid in this state";
    public static final String LITERAL_TOO_LARGE = "NO [TOOBIG] Literal too large";
    public static final String CONTINUE_LITERAL = "+ Ready for literal data";
    public static final String TEMPORARY_FAILURE = "NO [UNAVAILABLE] Temporary failure, try again";
    public static final String AUTH_FAILED = "NO [AUTHENTICATIONFAILED] Authentication failed";
    public static final String NONEXISTENT = "NO [NONEXISTENT] No such mailbox";
    public static final String TRYCREATE = "NO [TRYCREATE] No such mailbox";
    public static final String ALREADY_EXISTS = "NO [ALREADYEXISTS] Mailbox already exists";
    public static final String CANNOT = "NO [CANNOT] Operation not permitted on this mailbox";
    public static final String READ_ONLY = "NO [READ-ONLY] Mailbox is selected read-only";
    public static final String OVER_QUOTA = "NO [OVERQUOTA] Quota exceeded, message not stored";
    public static final String OVER_QUOTA_COPY = "NO [OVERQUOTA] Quota exceeded, nothing copied";
    public static final String NO_QUOTA_ROOT = "NO [NONEXISTENT] No such quota root";
    public static final String QUOTA_NOT_SETTABLE = "NO [CANNOT] Quotas are set by the operator";
    public static final String AUTH_CANCELLED = "BAD Authentication cancelled";

    private ImapResponses() {}

    public static String ok(String text) {
        return OK + " " + text;
    }

    public static String bad(String text) {
        return BAD + " " + text;
    }

    public static String no(String text) {
        return NO + " " + text;
    }
}
