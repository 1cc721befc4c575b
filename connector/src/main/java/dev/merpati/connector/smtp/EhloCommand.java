package dev.merpati.connector.smtp;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** EHLO (extended) and HELO: name the client, drop any transaction, list the extensions for EHLO. */
final class EhloCommand implements SmtpCommand {

    private final boolean extended;

    EhloCommand(boolean extended) {
        this.extended = extended;
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
        if (argument.isEmpty()) {
            return SmtpCommand.reply(SmtpReplies.syntax(extended ? "EHLO hostname" : "HELO hostname"));
        }
        session.greet(argument, extended);
        SmtpConfig config = session.config();
        return SmtpCommand.reply(
                extended
                        ? SmtpReplies.ehlo(
                                config.hostName(),
                                config.maxMessageSize(),
                                session.listener().startTlsOffered() && session.tls() == null,
                                session.user() == null && session.authAllowed())
                        : SmtpReplies.helo(config.hostName()));
    }
}
