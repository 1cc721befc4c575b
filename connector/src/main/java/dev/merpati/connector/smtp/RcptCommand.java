package dev.merpati.connector.smtp;

import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientDsn;
import dev.merpati.connector.api.RecipientVerdict;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * RCPT TO:&lt;forward-path&gt; [NOTIFY=...] [ORCPT=...]: asks the listener whether the recipient is
 * accepted.
 */
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
        String notify = null;
        String orcpt = null;
        for (var parameter : parsed.get().parameters().entrySet()) {
            switch (parameter.getKey()) {
                case "NOTIFY" -> {
                    notify = DsnParameters.notify(parameter.getValue());
                    if (notify == null) {
                        return SmtpCommand.reply(SmtpReplies.BAD_NOTIFY);
                    }
                }
                case "ORCPT" -> {
                    orcpt = parameter.getValue();
                    if (!DsnParameters.validOrcpt(orcpt)) {
                        return SmtpCommand.reply(SmtpReplies.BAD_ORCPT);
                    }
                }
                default -> {
                    return SmtpCommand.reply(SmtpReplies.unsupportedParameter(parameter.getKey()));
                }
            }
        }
        RecipientDsn dsn = notify == null && orcpt == null ? null : new RecipientDsn(notify, orcpt);
        String recipient = parsed.get().address();
        if (!PathArgument.isValidAddress(recipient)) {
            return SmtpCommand.reply(SmtpReplies.BAD_RECIPIENT);
        }
        MailTransaction transaction = session.transaction();
        if (!transaction.smtputf8() && !PathArgument.isAscii(recipient)) {
            return SmtpCommand.reply(SmtpReplies.UTF8_NEEDS_SMTPUTF8);
        }
        if (transaction.recipientCount() >= session.config().maxRecipients()) {
            return SmtpCommand.reply(SmtpReplies.TOO_MANY_RECIPIENTS);
        }
        String user = session.user() == null ? null : session.user().address();
        var check = new RecipientCheck(
                recipient, transaction.reversePath(), session.clientAddress(), user, session.relayAllowed());
        return session.receiver()
                .call(listener -> listener.checkRecipient(check))
                .handle((verdict, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "recipient check failed for " + recipient, error);
                        return SmtpReplies.recipientLookupFailure(recipient);
                    }
                    return toReply(
                            verdict == null ? RecipientVerdict.TEMPORARY_FAILURE : verdict,
                            recipient,
                            dsn,
                            transaction);
                });
    }

    private static SmtpReply toReply(
            RecipientVerdict verdict, String recipient, RecipientDsn dsn, MailTransaction transaction) {
        return switch (verdict) {
            case ACCEPTED -> {
                transaction.addRecipient(recipient, dsn);
                yield SmtpReplies.RECIPIENT_OK;
            }
            case UNKNOWN_USER -> SmtpReplies.unknownUser(recipient);
            case RELAY_DENIED -> SmtpReplies.relayDenied(recipient);
            case TEMPORARY_FAILURE -> SmtpReplies.recipientLookupFailure(recipient);
        };
    }
}
