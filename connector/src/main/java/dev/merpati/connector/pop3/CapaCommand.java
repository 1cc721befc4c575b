package dev.merpati.connector.pop3;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** CAPA (RFC 2449). */
final class CapaCommand implements Pop3Command {

    @Override
    public Set<Pop3State> validStates() {
        return EnumSet.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        return Pop3Command.respond(new Pop3Response.MultiLine(Pop3Replies.CAPABILITIES, Pop3Replies.CAPABILITY_LIST));
    }
}
