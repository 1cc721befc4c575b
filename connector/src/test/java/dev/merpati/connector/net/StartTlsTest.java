package dev.merpati.connector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS and implicit TLS through the shared pieces, with a toy line protocol on a real socket. */
class StartTlsTest {

    @TempDir
    static Path directory;

    private static ServerTls tls;
    private static TestServers servers;
    private static TestServers implicitServers;
    private static int plainPort;
    private static int implicitPort;

    /** Answers "STARTTLS" by upgrading, "WHO" with the TLS state, anything else by echoing it. */
    static final class ToyProtocol extends OrderedInputHandler {
        private final LineReader lines = new LineReader(512);

        @Override
        protected void connected() {
            writeLine("HELLO");
        }

        @Override
        protected boolean processInput(ByteBuf in) {
            InputLine line = lines.read(in);
            if (line == null) {
                return false;
            }
            String text = line.text();
            if (text.equals("STARTTLS")) {
                startTls(tls, "GO AHEAD");
            } else if (text.equals("WHO")) {
                writeLine(TlsState.of(context().channel())
                        .map(state -> "TLS " + state.protocol())
                        .orElse("PLAIN"));
            } else {
                writeLine("ECHO " + text);
            }
            return true;
        }

        @Override
        protected void disconnected() {}

        @Override
        protected void idleTimeout() {}
    }

    @BeforeAll
    static void start() throws Exception {
        Path keystore = TestKeystore.create(directory, "localhost");
        tls = ServerTls.fromKeystore(keystore, TestKeystore.PASSWORD, "PKCS12");
        servers = new TestServers();
        plainPort = servers.start(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new ToyProtocol());
            }
        });
        implicitServers = new TestServers();
        implicitPort = implicitServers.start(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                tls.addImplicit(channel.pipeline());
                channel.pipeline().addLast(new ToyProtocol());
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
        implicitServers.close();
    }

    @Test
    void startTlsUpgradesTheConnectionAndDiscardsWhatWasPipelinedBeforeTheHandshake() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", plainPort)) {
            BufferedReader in = reader(plain);
            assertEquals("HELLO", in.readLine());
            // "INJECTED" is sent in the clear behind STARTTLS: it must never be executed.
            send(plain.getOutputStream(), "WHO\r\nSTARTTLS\r\nINJECTED\r\n");
            assertEquals("PLAIN", in.readLine());
            assertEquals("GO AHEAD", in.readLine());
            try (SSLSocket secure = upgrade(plain)) {
                BufferedReader secureIn = reader(secure);
                send(secure.getOutputStream(), "WHO\r\nPING\r\n");
                assertTrue(secureIn.readLine().startsWith("TLS TLSv1."));
                assertEquals("ECHO PING", secureIn.readLine());
            }
        }
    }

    @Test
    void plaintextAfterStartTlsEndsTheConnection() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", plainPort)) {
            BufferedReader in = reader(plain);
            assertEquals("HELLO", in.readLine());
            send(plain.getOutputStream(), "STARTTLS\r\n");
            assertEquals("GO AHEAD", in.readLine());
            send(plain.getOutputStream(), "WHO\r\n");
            plain.setSoTimeout(10_000);
            assertThrows(IOException.class, () -> {
                while (in.readLine() != null) {
                    // whatever comes back is no answer to WHO; the server closes
                }
                throw new IOException("closed");
            });
        }
    }

    @Test
    void implicitTlsPortSpeaksTlsFromTheFirstByte() throws Exception {
        try (SSLSocket secure = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", implicitPort)) {
            BufferedReader in = reader(secure);
            assertEquals("HELLO", in.readLine());
            send(secure.getOutputStream(), "WHO\r\n");
            assertTrue(in.readLine().startsWith("TLS TLSv1."));
        }
    }

    private static SSLSocket upgrade(Socket plain) throws Exception {
        SSLSocket secure =
                (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        secure.startHandshake();
        return secure;
    }

    private static SSLContext trustAll() throws Exception {
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
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
