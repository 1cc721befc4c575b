package dev.merpati.connector.smtp;

import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** RCPT TO:&lt;forward-path&gt;: asks the listener whether the recipient is accepted. */
final class RcptCommand implements SmtpCommand {

    private static final System.Logger LOG = System.getLogger(RcptCommand.class.getName());

    @Override
    public Set<SmtpState> validStates() {
        return Set.of(SmtpState.TRANSACTION);
    }

    @Override
    public SmtpReply outOfSequence(SmtpState state) {
        return SmtpReplies.NEED_MAIL;
    }

    @Override
    public CompletionStage<SmtpReply> execute(SmtpSession session, String argument) {
        var parsed = PathArgument.parse(argument, "TO:");
        if (parsed.isEmpty()) {
            return SmtpCommand.reply(SmtpReplies.syntax("RCPT TO:<address>"));
        }
        if (!parsed.get().parameters().isEmpty()) {
            String key = parsed.get().parameters().keySet().iterator().next();
            return SmtpCommand.reply(SmtpReplies.unsupportedParameter(key));
        }
        String recipient = parsed.get().address();
        if (!PathArgument.isValidAddress(recipient)) {
            return SmtpCommand.reply(SmtpReplies.BAD_RECIPIENT);
        }
        MailTransaction transaction = session.transaction();
        if (transaction.recipientCount() >= session.config().maxRecipients()) {
            return SmtpCommand.reply(SmtpReplies.TOO_MANY_RECIPIENTS);
        }
        boolean relayAllowed = session.config().relayNetworks().contains(session.clientAddress());
        var check =
                new RecipientCheck(recipient, transaction.reversePath(), session.clientAddress(), null, relayAllowed);
        return session.receiver()
                .call(listener -> listener.checkRecipient(check))
                .handle((verdict, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "recipient check failed for " + recipient, error);
                        return SmtpReplies.recipientLookupFailure(recipient);
                    }
                    return toReply(
                            verdict == null ? RecipientVerdict.TEMPORARY_FAILURE : verdict, recipient, transaction);
                });
    }

    private static SmtpReply toReply(RecipientVerdict verdict, String recipient, MailTransaction transaction) {
        return switch (verdict) {
            case ACCEPTED -> {
                transaction.addRecipient(recipient);
                yield SmtpReplies.RECIPIENT_OK;
            }
            case UNKNOWN_USER -> SmtpReplies.unknownUser(recipient);
            case RELAY_DENIED -> SmtpReplies.relayDenied(recipient);
            case TEMPORARY_FAILURE -> SmtpReplies.recipientLookupFailure(recipient);
        };
    }
}
