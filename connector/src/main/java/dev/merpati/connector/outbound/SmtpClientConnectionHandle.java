package dev.merpati.connector.outbound;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpDeliveryResult;
import dev.merpati.connector.ra.ConnectionHandle;
import dev.merpati.connector.ra.StatelessManagedConnection;
import java.io.IOException;
import java.util.List;

/** A connection handle: each delivery is one SMTP session on the caller's thread. */
public class SmtpClientConnectionHandle extends ConnectionHandle<SmtpClientManagedConnectionFactory>
        implements SmtpClientConnection {

    private static final System.Logger LOG = System.getLogger(SmtpClientConnectionHandle.class.getName());

    SmtpClientConnectionHandle(StatelessManagedConnection<SmtpClientManagedConnectionFactory> managed) {
        super(managed);
    }

    @Override
    public List<SmtpDeliveryResult> deliver(
            String host, int port, String reversePath, List<String> recipients, MessageContent content) {
        return factory().client().deliver(host, port, reversePath, recipients, content);
    }

    /**
     * Without relay credentials this is a session like any other; with them, the relay host's
     * certificate must be trusted for {@code relayName} before the login. A trust store that cannot
     * be read defers the mail without connecting.
     */
    @Override
    public List<SmtpDeliveryResult> relay(
            String relayName,
            String host,
            int port,
            String reversePath,
            List<String> recipients,
            MessageContent content) {
        SmtpClientManagedConnectionFactory factory = factory();
        RelayCredentials credentials = factory.relayCredentials();
        if (credentials == null) {
            return factory.client().deliver(host, port, reversePath, recipients, content);
        }
        RelayTls trust;
        try {
            trust = factory.relayTls();
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "relay host " + relayName + " (" + host + ":" + port + ") not tried: " + e.getMessage());
            return recipients.stream()
                    .map(r -> new SmtpDeliveryResult(r, SmtpClient.REFUSED_BEFORE_MAIL, "4.3.5 " + e.getMessage()))
                    .toList();
        }
        return factory.client()
                .relay(
                        new SmtpClient.RelayLogin(relayName, credentials, trust),
                        host,
                        port,
                        reversePath,
                        recipients,
                        content);
    }
}
