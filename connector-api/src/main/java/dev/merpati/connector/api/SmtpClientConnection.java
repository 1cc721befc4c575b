package dev.merpati.connector.api;

import java.util.List;

/** A handle on the connector's SMTP client; one {@link #deliver} is one SMTP session. */
public interface SmtpClientConnection extends AutoCloseable {

    /**
     * Delivers {@code content} from {@code reversePath} to {@code recipients} through the SMTP server
     * at {@code host}:{@code port}. Never throws for what the peer or the network does: a connection
     * failure or a failed transaction is reported as the same reply for every recipient.
     *
     * @return one result per recipient, in the order given
     */
    List<SmtpDeliveryResult> deliver(
            String host, int port, String reversePath, List<String> recipients, MessageContent content);

    /**
     * The same through the relay host (smarthost). When the connection definition has relay
     * credentials ({@code relayUsername}, {@code relayPassword}), the session must reach TLS with a
     * certificate trusted for {@code relayName} ({@code relayTrustStore}, else the JVM's default
     * trust store) and log in with AUTH PLAIN or LOGIN before MAIL, else every recipient gets a
     * temporary failure and the password is not sent. Without credentials it is {@link #deliver}.
     *
     * @param relayName the relay host as configured, without brackets and port: the name (or IP
     *     address) its certificate must be valid for; {@code host} may be one of its addresses
     */
    List<SmtpDeliveryResult> relay(
            String relayName,
            String host,
            int port,
            String reversePath,
            List<String> recipients,
            MessageContent content);

    @Override
    void close();
}
