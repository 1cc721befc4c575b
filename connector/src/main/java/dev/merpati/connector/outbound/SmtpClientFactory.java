package dev.merpati.connector.outbound;

import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpClientConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The connection factory applications look up; connections come from the container's pool. */
public class SmtpClientFactory implements SmtpClientConnectionFactory, jakarta.resource.Referenceable {

    private static final long serialVersionUID = 1L;

    private final SmtpClientManagedConnectionFactory managedFactory;
    private final transient ConnectionManager manager;
    private Reference reference;

    SmtpClientFactory(SmtpClientManagedConnectionFactory managedFactory, ConnectionManager manager) {
        this.managedFactory = managedFactory;
        this.manager = manager;
    }

    @Override
    public SmtpClientConnection getConnection() {
        try {
            if (manager == null) {
                return (SmtpClientConnection)
                        managedFactory.createManagedConnection(null, null).getConnection(null, null);
            }
            return (SmtpClientConnection) manager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot get an SMTP client connection", e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
