package dev.merpati.connector.imap.events;

import dev.merpati.connector.api.MailboxChangeSignal;
import dev.merpati.connector.api.MailboxChangeSignalFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The connection factory applications look up; connections come from the container's pool. */
public class ChangeSignalFactory implements MailboxChangeSignalFactory, jakarta.resource.Referenceable {

    private static final long serialVersionUID = 1L;

    private final ChangeSignalManagedConnectionFactory managedFactory;
    private final transient ConnectionManager manager;
    private Reference reference;

    ChangeSignalFactory(ChangeSignalManagedConnectionFactory managedFactory, ConnectionManager manager) {
        this.managedFactory = managedFactory;
        this.manager = manager;
    }

    @Override
    public MailboxChangeSignal getSignal() {
        try {
            if (manager == null) {
                return (MailboxChangeSignal)
                        managedFactory.createManagedConnection(null, null).getConnection(null, null);
            }
            return (MailboxChangeSignal) manager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot get a mailbox change signal connection", e);
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
