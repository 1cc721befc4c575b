package dev.merpati.connector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.TestKeystore;
import dev.merpati.testkit.TestSockets;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
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
            BufferedReader in = TestSockets.reader(plain);
            assertEquals("HELLO", in.readLine());
            // "INJECTED" is sent in the clear behind STARTTLS: it must never be executed.
            TestSockets.send(plain.getOutputStream(), "WHO\r\nSTARTTLS\r\nINJECTED\r\n");
            assertEquals("PLAIN", in.readLine());
            assertEquals("GO AHEAD", in.readLine());
            try (SSLSocket secure = TestSockets.upgrade(plain)) {
                BufferedReader secureIn = TestSockets.reader(secure);
                TestSockets.send(secure.getOutputStream(), "WHO\r\nPING\r\n");
                assertTrue(secureIn.readLine().startsWith("TLS TLSv1."));
                assertEquals("ECHO PING", secureIn.readLine());
            }
        }
    }

    @Test
    void plaintextAfterStartTlsEndsTheConnection() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", plainPort)) {
            BufferedReader in = TestSockets.reader(plain);
            assertEquals("HELLO", in.readLine());
            TestSockets.send(plain.getOutputStream(), "STARTTLS\r\n");
            assertEquals("GO AHEAD", in.readLine());
            TestSockets.send(plain.getOutputStream(), "WHO\r\n");
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
        try (SSLSocket secure = TestSockets.tls(implicitPort)) {
            BufferedReader in = TestSockets.reader(secure);
            assertEquals("HELLO", in.readLine());
            TestSockets.send(secure.getOutputStream(), "WHO\r\n");
            assertTrue(in.readLine().startsWith("TLS TLSv1."));
        }
    }
}
