package dev.merpati.connector.smtp;

import dev.merpati.connector.net.MessageSpool;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** DATA: switches the input to message data when at least one recipient was accepted. */
final class DataCommand implements SmtpCommand {

    @Override
    public Set<SmtpState> validStates() {
        return Set.of(SmtpState.TRANSACTION);
    }

    @Override
    public SmtpReply outOfSequence(SmtpState state) {
        return SmtpReplies.NEED_RCPT;
    }

    @Override
    public CompletionStage<SmtpReply> execute(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            return SmtpCommand.reply(SmtpReplies.syntax("DATA"));
        }
        MailTransaction transaction = session.transaction();
        if (transaction.chunked()) {
            return SmtpCommand.reply(SmtpReplies.DATA_AFTER_BDAT);
        }
        if (transaction.recipientCount() == 0) {
            return SmtpCommand.reply(SmtpReplies.NO_VALID_RECIPIENTS);
        }
        SmtpConfig config = session.config();
        transaction.beginData(
                new MessageSpool(config.maxMessageSize(), config.memorySpoolLimit(), config.spoolDirectory()));
        return SmtpCommand.reply(SmtpReplies.START_DATA);
    }
}
