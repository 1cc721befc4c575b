package dev.merpati.connector.api;

import java.io.Serializable;
import javax.naming.Referenceable;

/**
 * The connector's outbound connection factory for delivering mail to another SMTP server (Postfix's
 * smtp(8) client). Bound in JNDI by the domain set-up; see {@link SmtpClientConnection}.
 */
public interface SmtpClientConnectionFactory extends Serializable, Referenceable {

    /** The JNDI name the domain set-up binds the factory to. */
    String JNDI_NAME = "eis/merpati/smtp";

    /** A connection to deliver with; close it after use (it goes back to the pool). */
    SmtpClientConnection getConnection();
}
