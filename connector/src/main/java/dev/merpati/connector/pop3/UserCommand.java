package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * USER name: remembers the login for the next PASS. Refused on a connection where a password may not
 * be sent in the clear, before the client sends it.
 */
final class UserCommand implements Pop3Command {

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.AUTHORIZATION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        if (argument.isBlank()) {
            return Pop3Command.respond(Pop3Replies.syntax("USER name"));
        }
        if (!session.plaintextAuthAllowed()) {
            return Pop3Command.respond(Pop3Replies.PLAINTEXT_DISALLOWED);
        }
        session.user(argument.strip());
        return Pop3Command.respond(Pop3Replies.OK);
    }
}
