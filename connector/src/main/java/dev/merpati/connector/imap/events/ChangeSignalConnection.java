package dev.merpati.connector.imap.events;

import dev.merpati.connector.api.MailboxChangeSignal;

/** A connection handle: signals go straight to the adapter's session registry. */
public class ChangeSignalConnection implements MailboxChangeSignal {

    private volatile ChangeSignalManagedConnection managed;

    ChangeSignalConnection(ChangeSignalManagedConnection managed) {
        this.managed = managed;
    }

    void associate(ChangeSignalManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public void folderChanged(long accountId, long folderId) {
        ChangeSignalManagedConnection current = managed;
        if (current == null) {
            throw new IllegalStateException("connection closed");
        }
        current.factory().events().changed(accountId, folderId, null);
    }

    @Override
    public void close() {
        ChangeSignalManagedConnection current = managed;
        managed = null;
        if (current != null) {
            current.closed(this);
        }
    }
}
