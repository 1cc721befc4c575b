package dev.merpati.connector.smtp;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The commands valid in every state that need no listener: RSET, NOOP, QUIT, HELP. Each is a
 * reply plus an optional effect on the session.
 */
final class SimpleCommand implements SmtpCommand {

    enum ArgumentRule {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    private final ArgumentRule argumentRule;
    private final String usage;
    private final Consumer<SmtpSession> effect;
    private final SmtpReply reply;

    private SimpleCommand(ArgumentRule argumentRule, String usage, Consumer<SmtpSession> effect, SmtpReply reply) {
        this.argumentRule = argumentRule;
        this.usage = usage;
        this.effect = effect;
        this.reply = reply;
    }

    static SimpleCommand rset() {
        return new SimpleCommand(ArgumentRule.NONE, "RSET", SmtpSession::resetTransaction, SmtpReplies.OK);
    }

    static SimpleCommand noop() {
        return new SimpleCommand(ArgumentRule.OPTIONAL, "NOOP", session -> {}, SmtpReplies.OK);
    }

    static SimpleCommand quit() {
        return new SimpleCommand(ArgumentRule.NONE, "QUIT", SmtpSession::requestQuit, SmtpReplies.BYE);
    }

    static SimpleCommand help() {
        return new SimpleCommand(ArgumentRule.OPTIONAL, "HELP", session -> {}, SmtpReplies.HELP);
    }

    @Override
    public Set<SmtpState> validStates() {
        return EnumSet.allOf(SmtpState.class);
    }

    @Override
    public SmtpReply outOfSequence(SmtpState state) {
        throw new IllegalStateException("valid in every state");
    }

    @Override
    public CompletionStage<SmtpReply> execute(SmtpSession session, String argument) {
        boolean wrongArgument =
                switch (argumentRule) {
                    case NONE -> !argument.isEmpty();
                    case OPTIONAL -> false;
                    case REQUIRED -> argument.isEmpty();
                };
        if (wrongArgument) {
            return SmtpCommand.reply(SmtpReplies.syntax(usage));
        }
        effect.accept(session);
        return SmtpCommand.reply(reply);
    }
}
