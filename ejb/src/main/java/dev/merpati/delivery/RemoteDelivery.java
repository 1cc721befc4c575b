package dev.merpati.delivery;

import dev.merpati.bounce.Bounces;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpClientConnectionFactory;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.pipeline.QueueManager;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.queue.RecipientState;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Postfix's smtp(8): hands a queue entry to the next hop for one remote recipient, through the
 * connector's SMTP client. 2xx: delivered; 4xx or no connection: deferred (retried from the
 * deferred queue); 5xx: bounced with a DSN to the sender. Idempotent like local delivery: the entry
 * row is locked first and a recipient that is no longer PENDING is skipped. A crash between the
 * peer's 250 and the commit sends the mail again on the retry (at least once, as Postfix).
 */
@ApplicationScoped
public class RemoteDelivery {

    private static final Logger LOG = Logger.getLogger(RemoteDelivery.class.getName());

    @Inject
    QueueRepository queue;

    @Inject
    BodyStore bodies;

    @Inject
    Bounces bounces;

    @Inject
    QueueManager queueManager;

    @Inject
    NextHops nextHops;

    /** Looked up at first use: the set-up creates the resource only after the application is deployed. */
    private volatile SmtpClientConnectionFactory factory;

    public void deliver(long entryId, long recipientId) {
        Optional<QueueEntry> locked = queue.lock(entryId);
        Optional<QueueRecipient> found = queue.recipient(recipientId);
        if (locked.isEmpty() || found.isEmpty() || found.get().getEntryId() != entryId) {
            LOG.warning(() -> "smtp: no queue entry " + entryId + " with recipient " + recipientId);
            return;
        }
        QueueEntry entry = locked.get();
        QueueRecipient recipient = found.get();
        if (recipient.getState() != RecipientState.PENDING) {
            return; // a redelivered message
        }
        SmtpDeliveryResult result = attempt(entry, recipient);
        if (result.accepted()) {
            recipient.delivered();
            LOG.fine(() -> entry.getQueueId() + ": sent to " + recipient.getAddress() + ": " + result.text());
        } else if (result.permanent()) {
            recipient.bounced(result.text());
            bounces.notifySender(entry);
        } else {
            recipient.deferred(result.text());
            queueManager.scheduleRetry(entry);
        }
        queue.completeIfFinished(entry);
    }

    private SmtpDeliveryResult attempt(QueueEntry entry, QueueRecipient recipient) {
        String address = recipient.getAddress();
        SmtpClientConnectionFactory clients = factory();
        if (clients == null) {
            return new SmtpDeliveryResult(
                    address, 0, "4.3.0 no " + SmtpClientConnectionFactory.JNDI_NAME + " resource");
        }
        Optional<TransportMap.NextHop> hop = nextHops.forAddress(address);
        if (hop.isEmpty()) {
            return new SmtpDeliveryResult(address, 0, "4.4.3 no next hop found (DNS) for " + address);
        }
        long bodyId = entry.getBodyId();
        long size = bodies.size(bodyId);
        MessageContent content = new MessageContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream openStream() {
                return new BodyInputStream(bodies, bodyId, size);
            }
        };
        try (SmtpClientConnection client = clients.getConnection()) {
            List<SmtpDeliveryResult> results = client.deliver(
                    hop.get().host(), hop.get().port(), entry.getReversePath(), List.of(address), content);
            return results.get(0);
        }
    }

    private SmtpClientConnectionFactory factory() {
        SmtpClientConnectionFactory found = factory;
        if (found == null) {
            try {
                found = (SmtpClientConnectionFactory)
                        new InitialContext().lookup(SmtpClientConnectionFactory.JNDI_NAME);
                factory = found;
            } catch (NamingException e) {
                LOG.warning(() -> "no " + SmtpClientConnectionFactory.JNDI_NAME + ": remote mail stays deferred");
            }
        }
        return found;
    }
}
