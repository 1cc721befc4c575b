package dev.merpati.inbound;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import dev.merpati.rewrite.Resolution;
import dev.merpati.rewrite.TrivialRewrite;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SMTP server's way into the pipeline. Each call runs in its own container transaction, so
 * {@link #receive} has committed the message when it returns.
 */
@MessageDriven(messageListenerInterface = MailReceiverListener.class)
public class MailReceiverEndpoint implements MailReceiverListener {

    private static final Logger LOG = Logger.getLogger(MailReceiverEndpoint.class.getName());

    @Inject
    TrivialRewrite rewrite;

    @Inject
    MailIntake intake;

    @Override
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

    /** Mail for other domains is taken only from clients that may relay: never an open relay. */
    static RecipientVerdict verdict(Resolution resolution, boolean relayAllowed) {
        if (resolution instanceof Resolution.Local) {
            return RecipientVerdict.ACCEPTED;
        }
        if (resolution instanceof Resolution.Error) {
            return RecipientVerdict.UNKNOWN_USER;
        }
        return relayAllowed ? RecipientVerdict.ACCEPTED : RecipientVerdict.RELAY_DENIED;
    }
}
