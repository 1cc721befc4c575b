package dev.merpati.connector.smtp;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** MAIL FROM:&lt;reverse-path&gt; [SIZE=n] [BODY=7BIT|8BITMIME]: opens a mail transaction. */
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
        session.beginTransaction(reversePath);
        return SmtpCommand.reply(SmtpReplies.SENDER_OK);
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
                default -> {
                    return SmtpReplies.unsupportedParameter(
                            value == null ? parameter.getKey() : parameter.getKey() + "=" + value);
                }
            }
        }
        return null;
    }
}
