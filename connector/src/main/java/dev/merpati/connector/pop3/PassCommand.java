package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticatedUser;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * PASS secret: checks the credentials with the authentication listener, then takes the snapshot of
 * the maildrop that numbers the messages for the rest of the session.
 */
final class PassCommand implements Pop3Command {

    private static final System.Logger LOG = System.getLogger(PassCommand.class.getName());

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.AUTHORIZATION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        String login = session.takePendingUser();
        if (login == null) {
            return Pop3Command.respond(Pop3Replies.NO_USER);
        }
        return session.authentication()
                .call(listener -> listener.authenticate(login, argument))
                .handle((user, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "authentication of " + login + " failed", error);
                        return Pop3Command.respond(Pop3Replies.AUTH_UNAVAILABLE);
                    }
                    return user == null ? Pop3Command.respond(Pop3Replies.AUTH_FAILED) : openMaildrop(session, user);
                })
                .thenCompose(response -> response);
    }

    private static CompletableFuture<Pop3Response> openMaildrop(Pop3Session session, AuthenticatedUser user) {
        return session.maildropListener()
                .call(listener -> listener.list(user.accountId()))
                .handle((messages, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "cannot list maildrop of " + user.address(), error);
                        return Pop3Response.line(Pop3Replies.MAILDROP_UNAVAILABLE);
                    }
                    session.loggedIn(user, new Maildrop(messages));
                    return Pop3Response.line(Pop3Replies.LOGGED_IN);
                });
    }
}
