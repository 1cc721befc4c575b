package dev.merpati.mailbox;

import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.api.MaildropMessage;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** POP3's view of the store, called by the connector once per command. */
@MessageDriven(messageListenerInterface = MaildropListener.class)
public class MaildropEndpoint implements MaildropListener {

    @Inject
    Maildrop maildrop;

    @Override
    public List<MaildropMessage> list(long accountId) {
        return maildrop.list(accountId);
    }

    @Override
    public byte[] read(long accountId, long messageId, long offset, int maxLength) {
        return maildrop.read(accountId, messageId, offset, maxLength);
    }

    @Override
    public int delete(long accountId, List<Long> messageIds) {
        return maildrop.delete(accountId, messageIds);
    }
}
