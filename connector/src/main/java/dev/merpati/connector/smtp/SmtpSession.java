package dev.merpati.connector.smtp;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.net.LoopBoundInvoker;

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

    public SmtpSession(SmtpConfig config, String clientAddress, LoopBoundInvoker<MailReceiverListener> receiver) {
        this.config = config;
        this.clientAddress = clientAddress;
        this.receiver = receiver;
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
        return extended ? "ESMTP" : "SMTP";
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
