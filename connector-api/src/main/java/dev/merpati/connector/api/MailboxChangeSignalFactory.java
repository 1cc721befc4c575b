package dev.merpati.connector.api;

import java.io.Serializable;
import javax.naming.Referenceable;

/**
 * The connector's outbound connection factory for telling the IMAP server that a folder changed
 * (a delivery, a change made outside IMAP), so that sessions idling on it wake up at once without
 * polling the database. Bound in JNDI by the domain set-up; see {@link MailboxChangeSignal}.
 */
public interface MailboxChangeSignalFactory extends Serializable, Referenceable {

    /** The JNDI name the domain set-up binds the factory to. */
    String JNDI_NAME = "eis/merpati/mailboxChanges";

    /** A connection to signal with; close it after use (it goes back to the pool). */
    MailboxChangeSignal getSignal();
}
