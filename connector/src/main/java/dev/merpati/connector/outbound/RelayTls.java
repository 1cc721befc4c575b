package dev.merpati.connector.outbound;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * STARTTLS to the relay host when the client logs in there: the password depends on the server
 * being the one configured, so its certificate chain must lead to a trusted certificate (the JVM's
 * default trust store, or the connection factory's {@code relayTrustStore}) and must carry the
 * relay host's name as configured (HTTPS endpoint identification: a DNS name, or an IP address for
 * a literal such as {@code [127.0.0.1]}), like Postfix's "secure" level.
 *
 * <p>As in Postfix, the check does not break off the handshake: it is recorded, and a session whose
 * certificate failed it is still encrypted, so the client can end it with QUIT (and say nothing
 * else, least of all AUTH). {@link Upgrade#problem()} says why the certificate is not trusted.
 */
final class RelayTls {

    private final X509ExtendedTrustManager trust;
    private final String source;

    private RelayTls(X509ExtendedTrustManager trust, String source) {
        this.trust = trust;
        this.source = source;
    }

    /** Trusts what the JVM's default trust store trusts (its cacerts, or javax.net.ssl.trustStore). */
    static RelayTls jvmDefault() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Trusts the certificates of a trust store (PKCS12 or JKS, told apart by their content).
     *
     * @param password the store's password; {@code null} or empty: none
     */
    static RelayTls fromTrustStore(Path file, char[] password) throws IOException {
        try {
            KeyStore store =
                    KeyStore.getInstance(file.toFile(), password == null || password.length == 0 ? null : password);
            if (store.size() == 0) {
                throw new IOException("it holds no certificate");
            }
            return new RelayTls(trustManager(store), file.toString());
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What the certificates are checked against, for messages. */
    String source() {
        return source;
    }

    /**
     * Starts TLS over a connection whose server answered 220 to STARTTLS, checking its certificate
     * for {@code name}. A handshake that fails for another reason throws.
     *
     * @param name the relay host's name as configured (or its IP address), checked against the certificate
     */
    Upgrade wrap(Socket plain, String name, int port) throws IOException {
        Recorder recorder = new Recorder(trust);
        SSLSocket socket;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, name, port, true);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start TLS", e);
        }
        socket.setUseClientMode(true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return new Upgrade(socket, recorder.problem());
    }

    /**
     * A TLS session with the relay host.
     *
     * @param problem why its certificate is not trusted for the name, or {@code null} when it is
     */
    record Upgrade(SSLSocket socket, String problem) {

        boolean trusted() {
            return problem == null;
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static final class DefaultHolder {
        static final RelayTls INSTANCE = jvmTrust();

        private static RelayTls jvmTrust() {
            try {
                return new RelayTls(trustManager(null), "the JVM's default trust store");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM's default trust store cannot be used", e);
            }
        }
    }

    /**
     * Asks the real trust manager, with the socket so that it also checks the name, and keeps its
     * verdict instead of failing the handshake. Only a certificate it approved counts as trusted.
     */
    private static final class Recorder extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private volatile boolean trusted;
        private volatile String problem = "the certificate was not checked";

        Recorder(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        String problem() {
            return trusted ? null : problem;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            try {
                delegate.checkServerTrusted(chain, authType, socket);
                trusted = true;
            } catch (CertificateException | RuntimeException e) {
                trusted = false;
                problem = describe(e, chain);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            try {
                delegate.checkServerTrusted(chain, authType, engine);
                trusted = true;
            } catch (CertificateException | RuntimeException e) {
                trusted = false;
                problem = describe(e, chain);
            }
        }

        /** Without a socket the name could not be checked: never trusted. */
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            trusted = false;
            problem = "the certificate could not be checked against the host name";
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** The innermost reason ("unable to find valid certification path...") and whose certificate it was. */
    static String describe(Exception e, X509Certificate[] chain) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() != null ? root.getMessage() : root.toString();
        if (chain != null && chain.length > 0) {
            reason += " (certificate " + chain[0].getSubjectX500Principal().getName() + ")";
        }
        return reason;
    }
}
