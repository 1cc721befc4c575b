package dev.merpati.connector.smtp;

import dev.merpati.connector.net.MessageSpool;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * BDAT size [LAST] (RFC 3030 CHUNKING): the next {@code size} octets are message content, with no
 * dot-stuffing and no terminator. The octets are always consumed, also when the command is
 * refused, so that content is never read as commands; a size that does not parse leaves no way to
 * find the next command, so the session ends.
 */
final class BdatCommand implements SmtpCommand {

    private static final int MAX_SIZE_DIGITS = 18;

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
        String[] words = argument.split(" +");
        if (argument.isEmpty()
                || words.length > 2
                || words[0].length() > MAX_SIZE_DIGITS
                || !words[0].chars().allMatch(c -> c >= '0' && c <= '9')
                || (words.length == 2 && !words[1].toUpperCase(Locale.ROOT).equals("LAST"))) {
            session.requestQuit();
            return SmtpCommand.reply(SmtpReplies.BAD_BDAT);
        }
        long size = Long.parseLong(words[0]);
        boolean last = words.length == 2;
        SmtpReply refusal = refusal(session);
        if (refusal != null) {
            session.discard(size);
            return SmtpCommand.reply(refusal);
        }
        SmtpConfig config = session.config();
        session.transaction()
                .beginChunk(
                        size,
                        last,
                        () -> new MessageSpool(
                                config.maxMessageSize(), config.memorySpoolLimit(), config.spoolDirectory()));
        return SmtpCommand.reply(SmtpReplies.AFTER_CHUNK);
    }

    private static SmtpReply refusal(SmtpSession session) {
        return switch (session.state()) {
            case CONNECTED -> SmtpReplies.SEND_HELO_FIRST;
            case GREETED -> SmtpReplies.NEED_MAIL;
            case TRANSACTION -> session.transaction().recipientCount() == 0 ? SmtpReplies.NO_VALID_RECIPIENTS : null;
        };
    }
}
