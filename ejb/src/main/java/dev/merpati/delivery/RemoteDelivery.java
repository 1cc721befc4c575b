package dev.merpati.delivery;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpClientConnectionFactory;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.delivery.RemoteAttempt.Outcome;
import dev.merpati.settings.NextHop;
import dev.merpati.store.BodyInputStream;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Postfix's smtp(8): one SMTP session that hands a queue entry to the next hop of a destination for
 * a batch of its recipients, through the connector's SMTP client. It runs outside any transaction
 * and touches no queue row: {@link RemoteDeliveryLedger} claims the batch before and records the
 * results after. The body is streamed from the store chunk by chunk.
 */
@ApplicationScoped
public class RemoteDelivery {

    private static final Logger LOG = Logger.getLogger(RemoteDelivery.class.getName());

    @Inject
    BodyStore bodies;

    @Inject
    NextHops nextHops;

    /** Looked up at first use: the set-up creates the resource only after the application is deployed. */
    private volatile SmtpClientConnectionFactory factory;

    /**
     * One result per recipient of the batch, in its order, and who decided them. A fault of this
     * server's own before or around the session (no SMTP client resource, the connector
     * unavailable, an exception of ours) is a {@link RemoteAttempt.Outcome#LOCAL_FAULT}, never an
     * unreachable destination.
     */
    public RemoteAttempt send(RemoteBatch batch) {
        SmtpClientConnectionFactory clients = factory();
        if (clients == null) {
            return RemoteAttempt.deferAll(
                    batch, "4.3.0 no " + SmtpClientConnectionFactory.JNDI_NAME + " resource", Outcome.LOCAL_FAULT);
        }
        try {
            return session(clients, batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.queueId() + ": no delivery to " + batch.destination() + ": local error", e);
            factory = null; // looked up again next time, in case the connector was deployed again
            return localError(batch, e);
        }
    }

    /** The attempt a local error (an exception of ours around the session) comes to. */
    static RemoteAttempt localError(RemoteBatch batch, RuntimeException e) {
        return RemoteAttempt.deferAll(batch, "4.3.0 local error: " + e, Outcome.LOCAL_FAULT);
    }

    private RemoteAttempt session(SmtpClientConnectionFactory clients, RemoteBatch batch) {
        NextHops.Route route = nextHops.forDomain(batch.destination());
        if (route.hops().isEmpty()) {
            if (route.permanent()) {
                return new RemoteAttempt(bounceAll(batch, route.failure()), Outcome.NO_ROUTE);
            }
            return RemoteAttempt.deferAll(
                    batch, route.failure(), route.local() ? Outcome.LOCAL_FAULT : Outcome.NO_ROUTE);
        }
        long bodyId = batch.bodyId();
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
        List<SmtpDeliveryResult> results = List.of();
        SmtpClientConnection client = clients.getConnection(); // the connector unavailable: a local fault
        try {
            for (NextHop hop : route.hops()) {
                results = route.relay()
                        ? client.relay(
                                route.relayName(),
                                hop.host(),
                                hop.port(),
                                batch.reversePath(),
                                batch.addresses(),
                                content)
                        : client.deliver(hop.host(), hop.port(), batch.reversePath(), batch.addresses(), content);
                if (!unreachable(results)) {
                    // a server answered: its replies decide, like Postfix after a session
                    return new RemoteAttempt(results, Outcome.REPLIED);
                }
                LOG.fine(() -> batch.queueId() + ": " + hop + " unreachable, trying the next one");
            }
        } finally {
            closeQuietly(client); // once a server replied, its replies stand
        }
        return new RemoteAttempt(results, Outcome.UNREACHABLE);
    }

    private static void closeQuietly(SmtpClientConnection client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing an " + SmtpClientConnectionFactory.JNDI_NAME + " connection failed", e);
        }
    }

    /** No server replied at all (no connection, no greeting): the next address is tried. */
    static boolean unreachable(List<SmtpDeliveryResult> results) {
        return !results.isEmpty() && results.stream().allMatch(r -> r.code() == 0);
    }

    static List<SmtpDeliveryResult> bounceAll(RemoteBatch batch, String text) {
        return batch.addresses().stream()
                .map(a -> new SmtpDeliveryResult(a, 550, text))
                .toList();
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
