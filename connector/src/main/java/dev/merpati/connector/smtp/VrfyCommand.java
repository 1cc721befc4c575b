package dev.merpati.connector.smtp;

import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * VRFY address. By default answered 252 without telling whether a user exists (no address
 * harvesting, Postfix's {@code disable_vrfy_command = yes}). When the operator enables it, the
 * listener's recipient check answers, as for a client that may not relay: 250 for a local user, 550
 * 5.1.1 for an unknown one, and never a confirmation for another domain.
 */
final class VrfyCommand implements SmtpCommand {

    private static final System.Logger LOG = System.getLogger(VrfyCommand.class.getName());

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
            return SmtpCommand.reply(SmtpReplies.syntax("VRFY address"));
        }
        if (!session.config().vrfy()) {
            return SmtpCommand.reply(SmtpReplies.CANNOT_VRFY);
        }
        String address = argument.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!PathArgument.isValidAddress(address) || !PathArgument.isAscii(address)) {
            return SmtpCommand.reply(SmtpReplies.BAD_RECIPIENT);
        }
        String user = session.user() == null ? null : session.user().address();
        var check = new RecipientCheck(address, "", session.clientAddress(), user, false);
        String asked = address;
        return session.receiver()
                .call(listener -> listener.checkRecipient(check))
                .handle((verdict, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "VRFY lookup failed for " + asked, error);
                        return SmtpReplies.recipientLookupFailure(asked);
                    }
                    RecipientVerdict v = verdict == null ? RecipientVerdict.TEMPORARY_FAILURE : verdict;
                    return switch (v) {
                        case ACCEPTED -> SmtpReplies.verified(asked);
                        case UNKNOWN_USER -> SmtpReplies.unknownUser(asked);
                        case RELAY_DENIED -> SmtpReplies.CANNOT_VRFY;
                        case TEMPORARY_FAILURE -> SmtpReplies.recipientLookupFailure(asked);
                    };
                });
    }
}
