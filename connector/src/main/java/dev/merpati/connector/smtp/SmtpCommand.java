package dev.merpati.connector.smtp;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One SMTP command. Implementations are stateless: the session carries the state. The server checks
 * {@link #validStates} before {@link #execute}, which checks the argument's syntax, then asks the
 * listener if needed, then changes the session.
 */
public interface SmtpCommand {

    /** The states in which the command may be given. */
    Set<SmtpState> validStates();

    /** The 503 reply for the command given in a state it is not valid in. */
    SmtpReply outOfSequence(SmtpState state);

    /**
     * @param argument the text after the verb, without leading spaces; empty when none
     * @return the reply; completes on the session's event loop
     */
    CompletionStage<SmtpReply> execute(SmtpSession session, String argument);

    static CompletionStage<SmtpReply> reply(SmtpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
