package dev.merpati.connector.imap.events;

import dev.merpati.connector.api.MailboxChangeSignal;
import dev.merpati.connector.api.MailboxChangeSignalFactory;
import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.ra.MerpatiResourceAdapter;
import dev.merpati.connector.ra.StatelessManagedConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/** Creates the (stateless, in-memory) connections that signal folder changes to the IMAP server. */
@ConnectionDefinition(
        connectionFactory = MailboxChangeSignalFactory.class,
        connectionFactoryImpl = ChangeSignalFactory.class,
        connection = MailboxChangeSignal.class,
        connectionImpl = ChangeSignalConnection.class)
public class ChangeSignalManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    MailboxEvents events() {
        if (resourceAdapter instanceof MerpatiResourceAdapter merpati) {
            return merpati.mailboxEvents();
        }
        throw new IllegalStateException("not associated with the Merpati resource adapter");
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new ChangeSignalFactory(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        return new ChangeSignalFactory(this, null);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new StatelessManagedConnection<>(
                this, "Merpati IMAP change signals", ChangeSignalConnection.class, ChangeSignalConnection::new);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object connection : connections) {
            if (connection instanceof StatelessManagedConnection<?> managed && managed.factory() == this) {
                return managed;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    // No properties: all factories of this adapter are equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof ChangeSignalManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return ChangeSignalManagedConnectionFactory.class.hashCode();
    }
}
