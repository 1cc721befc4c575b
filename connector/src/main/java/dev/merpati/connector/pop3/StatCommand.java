package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** STAT: the number and total size of the messages not marked deleted. */
final class StatCommand implements Pop3Command {

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        Maildrop maildrop = session.maildrop();
        return Pop3Command.respond(Pop3Replies.status(maildrop.count(), maildrop.size()));
    }
}
