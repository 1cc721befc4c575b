package dev.merpati.connector.smtp;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.TlsState;
import java.util.concurrent.ScheduledExecutorService;

/** The state of one SMTP connection; only touched on the connection's event loop. */
public final class SmtpSession {

    private final SmtpConfig config;
    private final String clientAddress;
    private final LoopBoundInvoker<MailReceiverListener> receiver;
    private SmtpState state = SmtpState.CONNECTED;
    private String heloName;
    private boolean extended;
    private MailTransaction transaction;
    private boolean quitRequested;
    private SmtpListener listener = SmtpListener.mx(null);
    private LoopBoundInvoker<AuthenticationListener> authentication;
    private ScheduledExecutorService timer;
    private TlsState tls;
    private boolean tlsRequested;
    private AuthenticatedUser user;
    private SaslExchange saslExchange;
    private int authFailures;
    private long discard;

    public SmtpSession(SmtpConfig config, String clientAddress, LoopBoundInvoker<MailReceiverListener> receiver) {
        this.config = config;
        this.clientAddress = clientAddress;
        this.receiver = receiver;
    }

    /** The port's role and security rules, the login listener, and the loop's timer (for AUTH delays). */
    public SmtpSession on(
            SmtpListener listener,
            LoopBoundInvoker<AuthenticationListener> authentication,
            ScheduledExecutorService timer) {
        this.listener = listener;
        this.authentication = authentication;
        this.timer = timer;
        return this;
    }

    public SmtpListener listener() {
        return listener;
    }

    public LoopBoundInvoker<AuthenticationListener> authentication() {
        return authentication;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    /** The connection's TLS once its handshake has completed, else {@code null}. */
    public TlsState tls() {
        return tls;
    }

    public void tls(TlsState tls) {
        this.tls = tls;
    }

    /** STARTTLS accepted: the handler upgrades the connection with the reply, then the session starts afresh. */
    public void requestTls() {
        tlsRequested = true;
    }

    /** @return whether STARTTLS was requested; clears the request */
    public boolean takeTlsRequest() {
        boolean requested = tlsRequested;
        tlsRequested = false;
        return requested;
    }

    /** RFC 3207 §4.2: after the TLS handshake the client knows nothing, as if it had just connected. */
    public void resetForTls() {
        resetTransaction();
        heloName = null;
        extended = false;
        state = SmtpState.CONNECTED;
    }

    /** Whether a password may be sent here: under TLS, or from a client the operator trusts. */
    public boolean authAllowed() {
        return listener.submission()
                && authentication != null
                && (tls != null || listener.plaintextAuthClients().contains(clientAddress));
    }

    public AuthenticatedUser user() {
        return user;
    }

    public void authenticated(AuthenticatedUser user) {
        this.user = user;
        this.saslExchange = null;
    }

    /** A SASL exchange waiting for the client's next line, or {@code null}. */
    public SaslExchange saslExchange() {
        return saslExchange;
    }

    public void saslExchange(SaslExchange exchange) {
        this.saslExchange = exchange;
    }

    /** @return the failed AUTH attempts so far, this one included */
    public int authFailed() {
        saslExchange = null;
        return ++authFailures;
    }

    /** Octets of a refused BDAT chunk still to be skipped. */
    public long discarding() {
        return discard;
    }

    public void discard(long octets) {
        discard = octets;
    }

    /** Whether this client may send to domains that are not ours. */
    public boolean relayAllowed() {
        return user != null || config.relayNetworks().contains(clientAddress);
    }

    public SmtpConfig config() {
        return config;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public LoopBoundInvoker<MailReceiverListener> receiver() {
        return receiver;
    }

    public SmtpState state() {
        return state;
    }

    public String heloName() {
        return heloName;
    }

    /** The Received header's "with" value. */
    public String protocol() {
        if (!extended) {
            return "SMTP";
        }
        return "ESMTP" + (tls != null ? "S" : "") + (user != null ? "A" : "");
    }

    /** HELO or EHLO: a new start, dropping any open transaction. */
    public void greet(String heloName, boolean extended) {
        resetTransaction();
        this.heloName = heloName;
        this.extended = extended;
        state = SmtpState.GREETED;
    }

    public void beginTransaction(String reversePath) {
        transaction = new MailTransaction(reversePath);
        state = SmtpState.TRANSACTION;
    }

    public MailTransaction transaction() {
        return transaction;
    }

    /** Whether input is message data rather than commands. */
    public boolean readingData() {
        return transaction != null && transaction.readingData();
    }

    /** Ends the transaction and hands it (with its content) to the caller, who closes it. */
    public MailTransaction detachTransaction() {
        MailTransaction detached = transaction;
        transaction = null;
        state = heloName == null ? SmtpState.CONNECTED : SmtpState.GREETED;
        return detached;
    }

    /** RSET, or the connection is gone. */
    public void resetTransaction() {
        MailTransaction open = detachTransaction();
        if (open != null) {
            open.close();
        }
    }

    public void requestQuit() {
        quitRequested = true;
    }

    public boolean quitRequested() {
        return quitRequested;
    }
}
