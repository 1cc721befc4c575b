package dev.merpati.connector.imap.command;

import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One IMAP command. Implementations are stateless: the session carries the state. The connection
 * checks {@link #validStates} before {@link #execute}.
 */
public interface ImapCommand {

    Set<ImapState> validStates();

    /**
     * @param parser positioned after the command name (and its space, when arguments follow)
     * @return the answer including the tagged status; completes on the session's event loop
     */
    CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser) throws ImapSyntaxException;

    /** What a command does, given the session, its tag and its arguments. */
    @FunctionalInterface
    interface Action {
        CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
                throws ImapSyntaxException;
    }

    /** A command valid in {@code states} that does {@code action}. */
    static ImapCommand of(Set<ImapState> states, Action action) {
        return new ImapCommand() {
            @Override
            public Set<ImapState> validStates() {
                return states;
            }

            @Override
            public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
                    throws ImapSyntaxException {
                return action.execute(session, tag, parser);
            }
        };
    }

    static CompletionStage<ImapReply> done(ImapReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    static CompletionStage<ImapReply> tagged(String tag, String status) {
        return done(new ImapReply().tagged(tag, status));
    }

    Set<ImapState> ANY = Set.of(ImapState.NOT_AUTHENTICATED, ImapState.AUTHENTICATED, ImapState.SELECTED);
    Set<ImapState> NOT_AUTHENTICATED = Set.of(ImapState.NOT_AUTHENTICATED);
    Set<ImapState> AUTHENTICATED = Set.of(ImapState.AUTHENTICATED, ImapState.SELECTED);
    Set<ImapState> SELECTED = Set.of(ImapState.SELECTED);
}
