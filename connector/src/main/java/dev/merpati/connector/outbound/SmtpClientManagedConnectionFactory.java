package dev.merpati.connector.outbound;

import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpClientConnectionFactory;
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

/** Creates the connections that deliver mail to other SMTP servers. */
@ConnectionDefinition(
        connectionFactory = SmtpClientConnectionFactory.class,
        connectionFactoryImpl = SmtpClientFactory.class,
        connection = SmtpClientConnection.class,
        connectionImpl = SmtpClientConnectionHandle.class)
public class SmtpClientManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;
    // Postfix's smtp_connect_timeout is 30 s; its per-command timeouts are minutes.
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int READ_TIMEOUT_MILLIS = 300_000;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    SmtpClient client() {
        String heloName = resourceAdapter instanceof MerpatiResourceAdapter merpati && merpati.getHostName() != null
                ? merpati.getHostName()
                : "localhost";
        return new SmtpClient(heloName, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new SmtpClientFactory(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        return new SmtpClientFactory(this, null);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new StatelessManagedConnection<>(
                this, "Merpati SMTP client", SmtpClientConnectionHandle.class, SmtpClientConnectionHandle::new);
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
        return other instanceof SmtpClientManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return SmtpClientManagedConnectionFactory.class.hashCode();
    }
}
