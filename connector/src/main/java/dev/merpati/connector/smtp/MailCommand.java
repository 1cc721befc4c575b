package dev.merpati.connector.smtp;

import dev.merpati.connector.api.DsnRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * MAIL FROM:&lt;reverse-path&gt; [SIZE=n] [BODY=7BIT|8BITMIME] [SMTPUTF8] [RET=FULL|HDRS] [ENVID=x]:
 * opens a mail transaction.
 */
final class MailCommand implements SmtpCommand {

    private static final System.Logger LOG = System.getLogger(MailCommand.class.getName());

    @Override
    public Set<SmtpState> validStates() {
        return Set.of(SmtpState.GREETED);
    }

    @Override
    public SmtpReply outOfSequence(SmtpState state) {
        return state == SmtpState.CONNECTED ? SmtpReplies.SEND_HELO_FIRST : SmtpReplies.NESTED_MAIL;
    }

    @Override
    public CompletionStage<SmtpReply> execute(SmtpSession session, String argument) {
        if (session.listener().submission() && session.user() == null) {
            return SmtpCommand.reply(SmtpReplies.AUTH_REQUIRED);
        }
        var parsed = PathArgument.parse(argument, "FROM:");
        if (parsed.isEmpty()) {
            return SmtpCommand.reply(SmtpReplies.syntax("MAIL FROM:<address>"));
        }
        String reversePath = parsed.get().address();
        if (!reversePath.isEmpty() && !PathArgument.isValidAddress(reversePath)) {
            return SmtpCommand.reply(SmtpReplies.BAD_SENDER);
        }
        SmtpReply parameterError = checkParameters(parsed.get().parameters(), session.config());
        if (parameterError != null) {
            return SmtpCommand.reply(parameterError);
        }
        boolean smtputf8 = parsed.get().parameters().containsKey("SMTPUTF8");
        if (!smtputf8 && !PathArgument.isAscii(reversePath)) {
            return SmtpCommand.reply(SmtpReplies.UTF8_NEEDS_SMTPUTF8);
        }
        var parameters = parsed.get().parameters();
        var dsn = new DsnRequest(DsnParameters.ret(parameters.get("RET")), parameters.get("ENVID"));
        if (!mustCheckOwner(session, reversePath)) {
            return SmtpCommand.reply(begin(session, reversePath, smtputf8, dsn));
        }
        // Another address than the login's: allowed only when it is one of the user's aliases.
        long accountId = session.user().accountId();
        return session.receiver()
                .call(listener -> listener.senderOwnedBy(reversePath, accountId))
                .handle((owned, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "sender check failed for " + reversePath, error);
                        return SmtpReplies.SENDER_CHECK_FAILURE;
                    }
                    return Boolean.TRUE.equals(owned)
                            ? begin(session, reversePath, smtputf8, dsn)
                            : SmtpReplies.senderNotOwned(
                                    reversePath, session.user().address());
                });
    }

    private static SmtpReply begin(SmtpSession session, String reversePath, boolean smtputf8, DsnRequest dsn) {
        session.beginTransaction(reversePath);
        session.transaction().smtputf8(smtputf8);
        session.transaction().dsn(dsn);
        return SmtpReplies.SENDER_OK;
    }

    /**
     * On the submission ports a user sends as themself or one of their aliases (the null sender,
     * for bounces, too), like Postfix's reject_sender_login_mismatch.
     */
    private static boolean mustCheckOwner(SmtpSession session, String reversePath) {
        return session.listener().submission()
                && session.listener().rejectSenderLoginMismatch()
                && !reversePath.isEmpty()
                && !reversePath.equalsIgnoreCase(session.user().address());
    }

    private static SmtpReply checkParameters(Map<String, String> parameters, SmtpConfig config) {
        for (var parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    if (value == null
                            || value.isEmpty()
                            || value.length() > 18
                            || !value.chars().allMatch(Character::isDigit)) {
                        return SmtpReplies.BAD_SIZE;
                    }
                    if (Long.parseLong(value) > config.maxMessageSize()) {
                        return SmtpReplies.SIZE_EXCEEDED;
                    }
                }
                case "BODY" -> {
                    if (!"7BIT".equalsIgnoreCase(value) && !"8BITMIME".equalsIgnoreCase(value)) {
                        return SmtpReplies.BAD_BODY;
                    }
                }
                case "RET" -> {
                    if (DsnParameters.ret(value) == null) {
                        return SmtpReplies.BAD_RET;
                    }
                }
                case "ENVID" -> {
                    if (!DsnParameters.validXtext(value, DsnParameters.MAX_ENVID)) {
                        return SmtpReplies.BAD_ENVID;
                    }
                }
                case "SMTPUTF8" -> {
                    if (value != null) {
                        return SmtpReplies.BAD_SMTPUTF8;
                    }
                }
                default -> {
                    return SmtpReplies.unsupportedParameter(
                            value == null ? parameter.getKey() : parameter.getKey() + "=" + value);
                }
            }
        }
        return null;
    }
}
