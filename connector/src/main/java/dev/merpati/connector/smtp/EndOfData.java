package dev.merpati.connector.smtp;

import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.net.MessageSpool;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What happens at the end of DATA: refuse an oversized or unspooled message, otherwise hand the mail
 * to the listener and answer 250 only once it has stored it. The transaction's content is released
 * when this completes, whether or not the client is still there.
 */
final class EndOfData {

    private static final System.Logger LOG = System.getLogger(EndOfData.class.getName());

    private EndOfData() {}

    static CompletionStage<SmtpReply> complete(SmtpSession session, MailTransaction transaction) {
        MessageSpool content = transaction.content();
        if (content.exceeded()) {
            transaction.close();
            return CompletableFuture.completedFuture(SmtpReplies.SIZE_EXCEEDED);
        }
        if (content.failure() != null) {
            LOG.log(System.Logger.Level.ERROR, "cannot spool message data", content.failure());
            transaction.close();
            return CompletableFuture.completedFuture(SmtpReplies.QUEUE_WRITE_ERROR);
        }
        var mail = new ReceivedMail(
                transaction.reversePath(),
                transaction.recipients(),
                content,
                session.clientAddress(),
                session.heloName(),
                session.protocol(),
                session.user() == null ? null : session.user().address(),
                Instant.now(),
                transaction.dsn(),
                transaction.recipientDsn(),
                session.tls() == null ? null : session.tls().description());
        return session.receiver().call(listener -> listener.receive(mail)).handle((queueId, error) -> {
            transaction.close();
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "message from " + session.clientAddress() + " not stored", error);
                return SmtpReplies.QUEUE_WRITE_ERROR;
            }
            return SmtpReplies.queued(queueId);
        });
    }
}
