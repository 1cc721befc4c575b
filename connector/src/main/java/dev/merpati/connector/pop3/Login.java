package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.MaildropListener;
import java.util.concurrent.CompletableFuture;

/**
 * The end of every login (USER/PASS and AUTH PLAIN): check the credentials, take the maildrop's
 * exclusive lock, then the snapshot of the maildrop that numbers its messages for the session.
 * A failed login is answered late and counted; the last allowed failure ends the connection.
 */
final class Login {

    private static final System.Logger LOG = System.getLogger(Login.class.getName());

    private Login() {}

    static CompletableFuture<Pop3Response> complete(Pop3Session session, String login, String password) {
        return session.authentication()
                .call(listener -> listener.authenticate(login, password))
                .handle((user, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "authentication of " + login + " failed", error);
                        return CompletableFuture.completedFuture(Pop3Response.line(Pop3Replies.AUTH_UNAVAILABLE));
                    }
                    return user == null ? failed(session) : openMaildrop(session, user);
                })
                .thenCompose(response -> response);
    }

    private static CompletableFuture<Pop3Response> failed(Pop3Session session) {
        Pop3Response response = session.loginFailed()
                ? Pop3Response.closing(Pop3Replies.TOO_MANY_FAILURES)
                : Pop3Response.line(Pop3Replies.AUTH_FAILED);
        return session.later(session.config().failedLoginDelay(), response);
    }

    private static CompletableFuture<Pop3Response> openMaildrop(Pop3Session session, AuthenticatedUser user) {
        if (!session.lock(user.accountId())) {
            return CompletableFuture.completedFuture(Pop3Response.line(Pop3Replies.IN_USE));
        }
        return session.maildropListener()
                .as(user.address())
                .call(MaildropListener::list)
                .handle((messages, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "cannot list maildrop of " + user.address(), error);
                        session.unlock();
                        return Pop3Response.line(Pop3Replies.MAILDROP_UNAVAILABLE);
                    }
                    session.loggedIn(user, new Maildrop(messages));
                    return Pop3Response.line(Pop3Replies.LOGGED_IN);
                });
    }
}
