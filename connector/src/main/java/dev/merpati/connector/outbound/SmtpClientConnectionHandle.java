package dev.merpati.connector.outbound;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.connector.ra.ConnectionHandle;
import dev.merpati.connector.ra.StatelessManagedConnection;
import java.util.List;

/** A connection handle: each delivery is one SMTP session on the caller's thread. */
public class SmtpClientConnectionHandle extends ConnectionHandle<SmtpClientManagedConnectionFactory>
        implements SmtpClientConnection {

    SmtpClientConnectionHandle(StatelessManagedConnection<SmtpClientManagedConnectionFactory> managed) {
        super(managed);
    }

    @Override
    public List<SmtpDeliveryResult> deliver(
            String host, int port, String reversePath, List<String> recipients, MessageContent content) {
        return factory().client().deliver(host, port, reversePath, recipients, content);
    }

    @Override
    public List<SmtpDeliveryResult> relay(
            String host, int port, String reversePath, List<String> recipients, MessageContent content) {
        return factory()
                .client()
                .deliver(host, port, reversePath, recipients, content, factory().relayCredentials());
    }
}
