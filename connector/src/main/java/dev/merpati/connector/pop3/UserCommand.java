package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** USER name: remembers the login for the next PASS. */
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
        session.user(argument.strip());
        return Pop3Command.respond(Pop3Replies.OK);
    }
}
