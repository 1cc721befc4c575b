package dev.merpati.connector.pop3;

import dev.merpati.connector.api.MaildropMessage;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RETR n and TOP n k. The first chunk is read before answering, so a message that vanished from the
 * store still gets an -ERR; the rest is streamed by the connection.
 */
final class RetrieveCommand implements Pop3Command {

    private static final System.Logger LOG = System.getLogger(RetrieveCommand.class.getName());

    private final boolean top;

    private RetrieveCommand(boolean top) {
        this.top = top;
    }

    static RetrieveCommand retr() {
        return new RetrieveCommand(false);
    }

    static RetrieveCommand top() {
        return new RetrieveCommand(true);
    }

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        String[] arguments = argument.isEmpty() ? new String[0] : argument.split(" +");
        if (arguments.length != (top ? 2 : 1)) {
            return Pop3Command.respond(Pop3Replies.syntax(top ? "TOP message lines" : "RETR message"));
        }
        Maildrop maildrop = session.maildrop();
        String problem = MessageNumber.problem(maildrop, arguments[0]);
        if (problem != null) {
            return Pop3Command.respond(problem);
        }
        ContentFilter filter = ContentFilter.everything();
        if (top) {
            int lines = arguments[1].equals("0") ? 0 : MessageNumber.parse(arguments[1]);
            if (lines < 0) {
                return Pop3Command.respond(Pop3Replies.syntax("TOP message lines"));
            }
            filter = new TopFilter(lines);
        }
        MaildropMessage message = maildrop.message(MessageNumber.parse(arguments[0]));
        String status = top ? Pop3Replies.OK : Pop3Replies.octets(message.size());
        ContentFilter chosen = filter;
        return readFirstChunk(session, message).handle((chunk, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "cannot read message " + message.messageId(), error);
                return Pop3Response.line(
                        error instanceof IllegalArgumentException
                                ? Pop3Replies.NO_SUCH_MESSAGE
                                : Pop3Replies.READ_FAILED);
            }
            return new Pop3Response.Content(status, message, chunk, chosen);
        });
    }

    private static CompletableFuture<byte[]> readFirstChunk(Pop3Session session, MaildropMessage message) {
        if (message.size() == 0) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        int chunkSize = session.config().chunkSize();
        return session.maildropListener().call(listener -> listener.read(message.messageId(), 0, chunkSize));
    }
}
