package dev.merpati.mailbox.pop3;

import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.api.MaildropMessage;
import dev.merpati.mailbox.CallerAccount;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** POP3's view of the store, called by the connector once per command, as the user who logged in. */
@MessageDriven(messageListenerInterface = MaildropListener.class)
public class MaildropEndpoint implements MaildropListener {

    @Inject
    CallerAccount caller;

    @Inject
    Maildrop maildrop;

    @Override
    public List<MaildropMessage> list() {
        return maildrop.list(caller.id());
    }

    @Override
    public byte[] read(long messageId, long offset, int maxLength) {
        return maildrop.read(caller.id(), messageId, offset, maxLength);
    }

    @Override
    public int delete(List<Long> messageIds) {
        return maildrop.delete(caller.id(), messageIds);
    }
}
