package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One POP3 command. Implementations are stateless: the session carries the state. The server checks
 * {@link #validStates} before {@link #execute}.
 */
public interface Pop3Command {

    Set<Pop3State> validStates();

    /**
     * @param argument the text after the verb and one space; empty when none
     * @return the response; completes on the session's event loop
     */
    CompletionStage<Pop3Response> execute(Pop3Session session, String argument);

    static CompletionStage<Pop3Response> respond(String line) {
        return CompletableFuture.completedFuture(Pop3Response.line(line));
    }

    static CompletionStage<Pop3Response> respond(Pop3Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
