package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.TlsState;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The state of one POP3 connection; only touched on the connection's event loop. */
public final class Pop3Session {

    private final Pop3Config config;
    private final Channel channel;
    private final MaildropLocks locks;
    private final LoopBoundInvoker<AuthenticationListener> authentication;
    private LoopBoundInvoker<MaildropListener> maildropListener;
    private Pop3State state = Pop3State.AUTHORIZATION;
    private String pendingUser;
    private AuthenticatedUser user;
    private Maildrop maildrop;
    private Long lockedAccount;
    private int failedLogins;
    private Function<String, CompletableFuture<Pop3Response>> continuation;

    public Pop3Session(
            Pop3Config config,
            Channel channel,
            MaildropLocks locks,
            LoopBoundInvoker<AuthenticationListener> authentication,
            LoopBoundInvoker<MaildropListener> maildropListener) {
        this.config = config;
        this.channel = channel;
        this.locks = locks;
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

    /** Whether the connection is encrypted (STLS done, or the POP3S port). */
    public boolean secure() {
        return TlsState.of(channel).isPresent();
    }

    /** Whether STLS may be offered: TLS is configured and the connection is not (becoming) encrypted. */
    public boolean canStartTls() {
        return config.tls() != null && !TlsState.started(channel);
    }

    /** Whether a password may be sent on this connection: it is encrypted or the client is trusted. */
    public boolean plaintextAuthAllowed() {
        return secure()
                || (channel.remoteAddress() instanceof InetSocketAddress address
                        && config.plaintextAuthClients()
                                .contains(address.getAddress().getHostAddress()));
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

    /** Forgets what the client said before STLS (RFC 2595 §4). */
    public void resetForTls() {
        pendingUser = null;
    }

    /** Takes the account's maildrop lock for this session. */
    public boolean lock(long accountId) {
        if (!locks.tryLock(accountId, this)) {
            return false;
        }
        lockedAccount = accountId;
        return true;
    }

    /** Releases the maildrop lock, if held; the session is over or the login could not complete. */
    public void unlock() {
        if (lockedAccount != null) {
            locks.release(lockedAccount, this);
            lockedAccount = null;
        }
    }

    /** From now on the maildrop is read as this user. */
    public void loggedIn(AuthenticatedUser user, Maildrop maildrop) {
        this.user = user;
        this.maildropListener = maildropListener.as(user.address());
        this.maildrop = maildrop;
        state = Pop3State.TRANSACTION;
    }

    /** Counts a failed login. @return whether the client has had as many tries as it gets */
    public boolean loginFailed() {
        return ++failedLogins >= config.maxFailedLogins();
    }

    /** A future that completes with {@code response} after {@code delay}, without holding a thread. */
    public CompletableFuture<Pop3Response> later(Duration delay, Pop3Response response) {
        CompletableFuture<Pop3Response> future = new CompletableFuture<>();
        if (delay.isZero() || delay.isNegative()) {
            future.complete(response);
        } else {
            channel.eventLoop().schedule(() -> future.complete(response), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return future;
    }

    /** The next input line answers a SASL challenge (RFC 5034 "+ ") instead of being a command. */
    public void expectContinuation(Function<String, CompletableFuture<Pop3Response>> handler) {
        continuation = handler;
    }

    /** @return the pending SASL continuation, which is consumed; {@code null} when none */
    public Function<String, CompletableFuture<Pop3Response>> takeContinuation() {
        var handler = continuation;
        continuation = null;
        return handler;
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
