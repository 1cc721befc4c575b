package dev.merpati.connector.imap.events;

import dev.merpati.connector.api.MailboxChangeSignal;
import dev.merpati.connector.ra.ConnectionHandle;
import dev.merpati.connector.ra.StatelessManagedConnection;

/** A connection handle: signals go straight to the adapter's session registry. */
public class ChangeSignalConnection extends ConnectionHandle<ChangeSignalManagedConnectionFactory>
        implements MailboxChangeSignal {

    ChangeSignalConnection(StatelessManagedConnection<ChangeSignalManagedConnectionFactory> managed) {
        super(managed);
    }

    @Override
    public void folderChanged(long accountId, long folderId) {
        factory().events().changed(accountId, folderId, null);
    }
}
