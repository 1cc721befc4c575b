package dev.merpati.inbound;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import dev.merpati.rewrite.Resolution;
import dev.merpati.rewrite.TrivialRewrite;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SMTP server's way into the pipeline. {@link #receive} runs in its own container transaction,
 * so it has committed the message when it returns; the checks only read and run without one.
 */
@MessageDriven(messageListenerInterface = MailReceiverListener.class)
public class MailReceiverEndpoint implements MailReceiverListener {

    private static final Logger LOG = Logger.getLogger(MailReceiverEndpoint.class.getName());

    @Inject
    TrivialRewrite rewrite;

    @Inject
    MailIntake intake;

    @Inject
    SenderOwnership senders;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RecipientVerdict checkRecipient(RecipientCheck check) {
        try {
            return verdict(rewrite.resolve(check.recipient()), check.relayAllowed());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recipient check failed for " + check.recipient(), e);
            return RecipientVerdict.TEMPORARY_FAILURE;
        }
    }

    @Override
    public String receive(ReceivedMail mail) {
        return intake.receive(mail);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean senderOwnedBy(String sender, long accountId) {
        return senders.ownedBy(sender, accountId);
    }

    /** Mail for other domains is taken only from clients that may relay: never an open relay. */
    static RecipientVerdict verdict(Resolution resolution, boolean relayAllowed) {
        if (resolution instanceof Resolution.Local || resolution instanceof Resolution.Alias) {
            return RecipientVerdict.ACCEPTED;
        }
        if (resolution instanceof Resolution.Error) {
            return RecipientVerdict.UNKNOWN_USER;
        }
        return relayAllowed ? RecipientVerdict.ACCEPTED : RecipientVerdict.RELAY_DENIED;
    }
}
