package dev.merpati.connector.pop3;

import dev.merpati.connector.api.MaildropMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * LIST [n] and UIDL [n]: one "n value" line per visible message, or for one message. They differ
 * only in the value (size or unique id) and the status line of the full listing.
 */
final class ScanListCommand implements Pop3Command {

    private final Function<MaildropMessage, String> value;
    private final Function<Maildrop, String> listingStatus;

    private ScanListCommand(Function<MaildropMessage, String> value, Function<Maildrop, String> listingStatus) {
        this.value = value;
        this.listingStatus = listingStatus;
    }

    static ScanListCommand list() {
        return new ScanListCommand(
                message -> Long.toString(message.size()),
                maildrop -> Pop3Replies.maildrop(maildrop.count(), maildrop.size()));
    }

    static ScanListCommand uidl() {
        return new ScanListCommand(MaildropMessage::uniqueId, maildrop -> Pop3Replies.OK);
    }

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.TRANSACTION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        Maildrop maildrop = session.maildrop();
        if (!argument.isEmpty()) {
            String problem = MessageNumber.problem(maildrop, argument);
            if (problem != null) {
                return Pop3Command.respond(problem);
            }
            int number = MessageNumber.parse(argument);
            return Pop3Command.respond("+OK " + number + " " + value.apply(maildrop.message(number)));
        }
        List<String> lines = new ArrayList<>();
        for (int number = 1; number <= maildrop.total(); number++) {
            if (!maildrop.isDeleted(number)) {
                lines.add(number + " " + value.apply(maildrop.message(number)));
            }
        }
        return Pop3Command.respond(new Pop3Response.MultiLine(listingStatus.apply(maildrop), lines));
    }
}
