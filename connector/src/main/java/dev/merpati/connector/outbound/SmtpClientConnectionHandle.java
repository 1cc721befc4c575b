package dev.merpati.connector.outbound;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpDeliveryResult;
import java.util.List;

/** A connection handle: each delivery is one SMTP session on the caller's thread. */
public class SmtpClientConnectionHandle implements SmtpClientConnection {

    private volatile SmtpClientManagedConnection managed;

    SmtpClientConnectionHandle(SmtpClientManagedConnection managed) {
        this.managed = managed;
    }

    void associate(SmtpClientManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public List<SmtpDeliveryResult> deliver(
            String host, int port, String reversePath, List<String> recipients, MessageContent content) {
        SmtpClientManagedConnection current = managed;
        if (current == null) {
            throw new IllegalStateException("connection closed");
        }
        return current.factory().client().deliver(host, port, reversePath, recipients, content);
    }

    @Override
    public void close() {
        SmtpClientManagedConnection current = managed;
        managed = null;
        if (current != null) {
            current.closed(this);
        }
    }
}
