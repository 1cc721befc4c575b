package dev.merpati.connector.pop3;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** DELE n, RSET and NOOP: they change (or keep) the session's deletion marks. */
final class MarkCommand implements Pop3Command {

    private enum Kind {
        DELE,
        RSET,
        NOOP
    }

    private final Kind kind;

    private MarkCommand(Kind kind) {
        this.kind = kind;
    }

    static MarkCommand dele() {
        return new MarkCommand(Kind.DELE);
    }

    static MarkCommand rset() {
        return new MarkCommand(Kind.RSET);
    }

    static MarkCommand noop() {
        return new MarkCommand(Kind.NOOP);
    }

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        Maildrop maildrop = session.maildrop();
        return switch (kind) {
            case DELE -> {
                String problem = MessageNumber.problem(maildrop, argument);
                if (problem != null) {
                    yield Pop3Command.respond(problem);
                }
                int number = MessageNumber.parse(argument);
                maildrop.markDeleted(number);
                yield Pop3Command.respond(Pop3Replies.deleted(number));
            }
            case RSET -> {
                maildrop.unmarkAll();
                yield Pop3Command.respond(Pop3Replies.maildrop(maildrop.count(), maildrop.size()));
            }
            case NOOP -> Pop3Command.respond(Pop3Replies.OK);
        };
    }
}
