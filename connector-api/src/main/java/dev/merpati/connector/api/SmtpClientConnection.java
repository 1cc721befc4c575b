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
     * The same through the relay host (smarthost): when the connection definition has relay
     * credentials ({@code relayUsername}, {@code relayPassword}), the session must reach TLS and
     * log in with AUTH PLAIN or LOGIN before MAIL, else every recipient gets a temporary failure.
     */
    List<SmtpDeliveryResult> relay(
            String host, int port, String reversePath, List<String> recipients, MessageContent content);

    @Override
    void close();
}
