package dev.merpati.connector.pop3;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * CAPA (RFC 2449). What may be used now: STLS only before TLS, USER and SASL only where a password
 * may be sent (as Dovecot does without them, like IMAP's LOGINDISABLED).
 */
final class CapaCommand implements Pop3Command {

    static final String IMPLEMENTATION = "IMPLEMENTATION Merpati";

    @Override
    public Set<Pop3State> validStates() {
        return EnumSet.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        List<String> lines = new ArrayList<>();
        lines.add("TOP");
        lines.add("UIDL");
        lines.add("RESP-CODES");
        lines.add("AUTH-RESP-CODE");
        lines.add("PIPELINING");
        // Messages are kept until a client deletes them.
        lines.add("EXPIRE NEVER");
        if (session.state() == Pop3State.AUTHORIZATION) {
            if (session.plaintextAuthAllowed()) {
                lines.add("USER");
                lines.add("SASL " + AuthCommand.PLAIN);
            }
            if (session.canStartTls()) {
                lines.add("STLS");
            }
        }
        lines.add(IMPLEMENTATION);
        return Pop3Command.respond(new Pop3Response.MultiLine(Pop3Replies.CAPABILITIES, lines));
    }
}
