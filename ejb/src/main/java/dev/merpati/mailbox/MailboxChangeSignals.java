package dev.merpati.mailbox;

import dev.merpati.connector.api.MailboxChangeSignal;
import dev.merpati.connector.api.MailboxChangeSignalFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells the front ends which folders changed, once the transaction that changed them has committed
 * (a session woken before the commit would not see the change): one {@link MailboxChange} event per
 * folder and transaction for observers in the application (the webmail), and the same through the
 * connector's outbound connection to the IMAP server. Nothing is sent on rollback.
 */
@ApplicationScoped
public class MailboxChangeSignals {

    private static final System.Logger LOG = System.getLogger(MailboxChangeSignals.class.getName());
    private static final Object KEY = MailboxChangeSignals.class;

    /** Looked up at first use: the set-up creates the resource only after the application is deployed. */
    private volatile MailboxChangeSignalFactory factory;

    private volatile boolean warned;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<MailboxChange> changes;

    /** Signals the folder's change after the current transaction commits. */
    public void afterCommit(long accountId, long folderId) {
        @SuppressWarnings("unchecked")
        Set<long[]> pending = (Set<long[]>) transactions.getResource(KEY);
        if (pending == null) {
            Set<long[]> folders = new LinkedHashSet<>();
            pending = folders;
            transactions.putResource(KEY, folders);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signal(folders);
                    }
                }
            });
        }
        for (long[] change : pending) {
            if (change[0] == accountId && change[1] == folderId) {
                return;
            }
        }
        pending.add(new long[] {accountId, folderId});
    }

    private MailboxChangeSignalFactory factory() {
        MailboxChangeSignalFactory found = factory;
        if (found == null) {
            try {
                found = (MailboxChangeSignalFactory) new InitialContext().lookup(MailboxChangeSignalFactory.JNDI_NAME);
                factory = found;
            } catch (NamingException | ClassCastException e) {
                if (!warned) {
                    warned = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "no " + MailboxChangeSignalFactory.JNDI_NAME
                                    + ": IMAP sessions in IDLE will not be woken by deliveries",
                            e);
                }
            }
        }
        return found;
    }

    private void signal(Set<long[]> changed) {
        if (changes != null) {
            for (long[] change : changed) {
                try {
                    changes.fire(new MailboxChange(change[0], change[1]));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a mailbox change observer failed", e);
                }
            }
        }
        MailboxChangeSignalFactory signals = factory();
        if (signals == null) {
            return;
        }
        try (MailboxChangeSignal signal = signals.getSignal()) {
            for (long[] change : changed) {
                signal.folderChanged(change[0], change[1]);
            }
        } catch (RuntimeException e) {
            // The change is committed; an IMAP session learns of it at its next command anyway.
            LOG.log(System.Logger.Level.WARNING, "cannot signal mailbox changes to the IMAP server", e);
        }
    }
}
