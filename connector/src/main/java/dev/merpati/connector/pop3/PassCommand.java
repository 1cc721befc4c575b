package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** PASS secret: completes the USER/PASS login of RFC 1939 §7. */
final class PassCommand implements Pop3Command {

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
        if (!session.plaintextAuthAllowed()) {
            return Pop3Command.respond(Pop3Replies.PLAINTEXT_DISALLOWED);
        }
        return Login.complete(session, login, argument);
    }
}
