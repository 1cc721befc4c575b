package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** STLS (RFC 2595 §4): upgrades the connection to TLS in the AUTHORIZATION state. */
final class StlsCommand implements Pop3Command {

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.AUTHORIZATION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        if (session.config().tls() == null) {
            return Pop3Command.respond(Pop3Replies.TLS_UNAVAILABLE);
        }
        if (!session.canStartTls()) {
            return Pop3Command.respond(Pop3Replies.TLS_ACTIVE);
        }
        return Pop3Command.respond(new Pop3Response.StartTls(Pop3Replies.BEGIN_TLS));
    }
}
