package dev.merpati.connector.outbound;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * STARTTLS as Postfix's default "may" security level ({@code smtp_tls_security_level = may}) does
 * it: encrypt when the peer offers it, but verify no certificate (MX hosts rarely have one for the
 * name they are reached by, and an unverified channel is still better than plain text). This
 * protects against passive eavesdropping only, not against an active man in the middle, and is
 * deliberately so: it is used only where nothing secret depends on it (MX hosts, a relay host
 * without a login). Before a password is sent, {@link RelayTls} verifies the certificate instead.
 */
final class OpportunisticTls {

    private OpportunisticTls() {}

    static SSLSocket wrap(Socket plain, String host, int port) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            socket.setUseClientMode(true);
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start TLS", e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
