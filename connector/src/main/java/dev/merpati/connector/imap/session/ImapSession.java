package dev.merpati.connector.imap.session;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.ServerTls;
import java.util.HashSet;
import java.util.Set;

/** The state of one IMAP connection; only touched on the connection's event loop. */
public final class ImapSession {

    private final ServerTls tls;
    private final long maxMessageSize;
    private final LoopBoundInvoker<AuthenticationListener> authentication;
    private LoopBoundInvoker<MailboxListener> mailbox;
    private final MailboxEvents events;
    private final Set<String> enabled = new HashSet<>();
    private ImapState state = ImapState.NOT_AUTHENTICATED;
    private AuthenticatedUser user;
    private SelectedFolder selected;
    private java.util.concurrent.Executor loop = Runnable::run;
    private java.util.function.BooleanSupplier secure = () -> false;
    private boolean plaintextAllowed;
    private java.util.function.Consumer<ImapReply> pusher = reply -> {};

    /**
     * @param tls the server's TLS for STARTTLS, or {@code null} when none is configured
     * @param maxMessageSize the largest message APPEND accepts (APPENDLIMIT)
     */
    public ImapSession(
            ServerTls tls,
            long maxMessageSize,
            LoopBoundInvoker<AuthenticationListener> authentication,
            LoopBoundInvoker<MailboxListener> mailbox,
            MailboxEvents events) {
        this.tls = tls;
        this.maxMessageSize = maxMessageSize;
        this.authentication = authentication;
        this.mailbox = mailbox;
        this.events = events;
    }

    /** The server's TLS, or {@code null} when no keystore is configured. */
    public ServerTls tls() {
        return tls;
    }

    /** The largest message APPEND accepts (APPENDLIMIT). */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    public LoopBoundInvoker<AuthenticationListener> authentication() {
        return authentication;
    }

    public LoopBoundInvoker<MailboxListener> mailbox() {
        return mailbox;
    }

    public ImapState state() {
        return state;
    }

    /** From now on the store is called as this user. */
    public void loggedIn(AuthenticatedUser user) {
        this.user = user;
        this.mailbox = mailbox.as(user.address());
        state = ImapState.AUTHENTICATED;
    }

    public long accountId() {
        return user.accountId();
    }

    public AuthenticatedUser user() {
        return user;
    }

    public SelectedFolder selected() {
        return selected;
    }

    public void select(SelectedFolder folder) {
        unselect();
        selected = folder;
        state = ImapState.SELECTED;
    }

    public void unselect() {
        if (selected != null) {
            selected = null;
        }
        if (state == ImapState.SELECTED) {
            state = ImapState.AUTHENTICATED;
        }
    }

    public void logout() {
        unselect();
        state = ImapState.LOGOUT;
    }

    public boolean enabled(String capability) {
        return enabled.contains(capability);
    }

    public void enable(String capability) {
        enabled.add(capability);
    }

    /** Tells the other sessions of the account that a folder changed. */
    public void changed(long folderId) {
        if (user != null) {
            events.changed(user.accountId(), folderId, this);
        }
    }

    public void pusher(java.util.function.Consumer<ImapReply> pusher) {
        this.pusher = pusher;
    }

    /** Writes untagged responses outside a command's answer (while in IDLE). */
    public void push(ImapReply reply) {
        pusher.accept(reply);
    }

    public MailboxEvents events() {
        return events;
    }

    /** Whether the connection is encrypted (IMAPS, or after STARTTLS). */
    public boolean secure() {
        return secure.getAsBoolean();
    }

    /** Whether a password may be sent: over TLS, or from a client in the plaintext-login networks. */
    public boolean loginAllowed() {
        return plaintextAllowed || secure();
    }

    public void connection(java.util.function.BooleanSupplier secure, boolean plaintextAllowed) {
        this.secure = secure;
        this.plaintextAllowed = plaintextAllowed;
    }

    /** The connection's event loop, where session state may be touched. */
    public java.util.concurrent.Executor loop() {
        return loop;
    }

    public void loop(java.util.concurrent.Executor loop) {
        this.loop = loop;
    }
}
