package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.net.LoopBoundInvoker;

/** The state of one POP3 connection; only touched on the connection's event loop. */
public final class Pop3Session {

    private final Pop3Config config;
    private final LoopBoundInvoker<AuthenticationListener> authentication;
    private final LoopBoundInvoker<MaildropListener> maildropListener;
    private Pop3State state = Pop3State.AUTHORIZATION;
    private String pendingUser;
    private AuthenticatedUser user;
    private Maildrop maildrop;

    public Pop3Session(
            Pop3Config config,
            LoopBoundInvoker<AuthenticationListener> authentication,
            LoopBoundInvoker<MaildropListener> maildropListener) {
        this.config = config;
        this.authentication = authentication;
        this.maildropListener = maildropListener;
    }

    public Pop3Config config() {
        return config;
    }

    public LoopBoundInvoker<AuthenticationListener> authentication() {
        return authentication;
    }

    public LoopBoundInvoker<MaildropListener> maildropListener() {
        return maildropListener;
    }

    public Pop3State state() {
        return state;
    }

    public void user(String name) {
        pendingUser = name;
    }

    /** The name of the last USER command, which a PASS consumes; {@code null} when none. */
    public String takePendingUser() {
        String name = pendingUser;
        pendingUser = null;
        return name;
    }

    public void loggedIn(AuthenticatedUser user, Maildrop maildrop) {
        this.user = user;
        this.maildrop = maildrop;
        state = Pop3State.TRANSACTION;
    }

    public long accountId() {
        return user.accountId();
    }

    public Maildrop maildrop() {
        return maildrop;
    }

    public void enterUpdate() {
        state = Pop3State.UPDATE;
    }
}
