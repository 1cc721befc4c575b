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
        if (notOwned(session, reversePath)) {
            return SmtpCommand.reply(
                    SmtpReplies.senderNotOwned(reversePath, session.user().address()));
        }
        session.beginTransaction(reversePath);
        session.transaction().smtputf8(smtputf8);
        var parameters = parsed.get().parameters();
        session.transaction().dsn(new DsnRequest(DsnParameters.ret(parameters.get("RET")), parameters.get("ENVID")));
        return SmtpCommand.reply(SmtpReplies.SENDER_OK);
    }

    /** On the submission ports a user sends as themself (the null sender, for bounces, too). */
    private static boolean notOwned(SmtpSession session, String reversePath) {
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
