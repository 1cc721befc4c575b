package dev.merpati.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Client sockets for tests that talk to a real server on loopback: TLS from the first byte or after
 * STARTTLS/STLS, trusting the test's self-signed certificate ({@link TestKeystore}), and plain line
 * reading and writing for tests that do not use {@link ScriptClient}.
 */
public final class TestSockets {

    private TestSockets() {}

    /** A client TLS context that trusts any certificate: tests talk to their own self-signed server. */
    public static SSLContext trustAll() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS connection to a port that speaks TLS from the first byte (IMAPS, POP3S, SMTPS). */
    public static SSLSocket tls(int port) throws IOException {
        return (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port);
    }

    /** Starts TLS over an open plain connection, after the server's go-ahead to STARTTLS or STLS. */
    public static SSLSocket upgrade(Socket plain) throws IOException {
        SSLSocket secure =
                (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        secure.startHandshake();
        return secure;
    }

    /** Reads the socket's lines as US-ASCII, failing a read that waits more than 10 seconds. */
    public static BufferedReader reader(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Writes {@code text} as US-ASCII in one write and flushes it. */
    public static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
