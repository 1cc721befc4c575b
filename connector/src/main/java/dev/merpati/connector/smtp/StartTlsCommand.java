package dev.merpati.connector.smtp;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * STARTTLS (RFC 3207): the 220 reply goes out in the clear, then the handshake; the server discards
 * anything the client pipelined behind the command and forgets the session (HELO, transaction).
 */
final class StartTlsCommand implements SmtpCommand {

    @Override
    public Set<SmtpState> validStates() {
        return EnumSet.of(SmtpState.GREETED, SmtpState.TRANSACTION);
    }

    @Override
    public SmtpReply outOfSequence(SmtpState state) {
        return SmtpReplies.SEND_HELO_FIRST;
    }

    @Override
    public CompletionStage<SmtpReply> execute(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            return SmtpCommand.reply(SmtpReplies.syntax("STARTTLS"));
        }
        if (!session.listener().startTlsOffered()) {
            return SmtpCommand.reply(SmtpReplies.TLS_NOT_AVAILABLE);
        }
        if (session.tls() != null) {
            return SmtpCommand.reply(SmtpReplies.TLS_ALREADY_ACTIVE);
        }
        session.resetForTls();
        session.requestTls();
        return SmtpCommand.reply(SmtpReplies.READY_TO_START_TLS);
    }
}
