package dev.merpati.connector.pop3;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * QUIT: in TRANSACTION, enters UPDATE, removes the marked messages and releases the maildrop lock,
 * then closes.
 */
final class QuitCommand implements Pop3Command {

    private static final System.Logger LOG = System.getLogger(QuitCommand.class.getName());

    @Override
    public Set<Pop3State> validStates() {
        return EnumSet.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        if (session.state() == Pop3State.AUTHORIZATION) {
            return Pop3Command.respond(Pop3Response.closing(Pop3Replies.BYE));
        }
        session.enterUpdate();
        List<Long> marked = session.maildrop().markedIds();
        if (marked.isEmpty()) {
            session.unlock();
            return Pop3Command.respond(Pop3Response.closing(Pop3Replies.BYE));
        }
        long accountId = session.accountId();
        return session.maildropListener()
                .call(listener -> listener.delete(marked))
                .handle((removed, error) -> {
                    // Released before the reply, so a client that reconnects at once finds it free.
                    session.unlock();
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "cannot remove messages of account " + accountId, error);
                        return Pop3Response.closing(Pop3Replies.NOT_REMOVED);
                    }
                    return Pop3Response.closing(Pop3Replies.BYE);
                });
    }
}
