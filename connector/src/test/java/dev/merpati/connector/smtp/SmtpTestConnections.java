package dev.merpati.connector.smtp;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.TestServers;
import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.testkit.ScriptClient;
import java.nio.file.Path;
import java.time.Duration;

/** A real SMTP listener for conversation tests, and clients greeted by it. */
final class SmtpTestConnections {

    /** The server's name in its greeting and replies. */
    static final String HOST = "mx.test";

    private SmtpTestConnections() {}

    /** Messages up to 1 MiB, 127.0.0.1 in the relay networks, the spool in the given directory. */
    static SmtpConfig testConfig(Path spoolDirectory) {
        return new SmtpConfig(
                HOST,
                1024 * 1024,
                5,
                2048,
                20,
                Duration.ofSeconds(30),
                4096,
                spoolDirectory,
                ClientNetworks.parse("127.0.0.1"));
    }

    /** A client that has read the greeting of a listener of its own. */
    static ScriptClient greeted(TestServers servers, SmtpConfig config, ListenerInvoker<MailReceiverListener> invoker)
            throws InterruptedException {
        int port = servers.start(new SmtpChannelInitializer(config, invoker));
        var client = new ScriptClient(port);
        client.expect("220 " + HOST + " ESMTP Merpati");
        return client;
    }
}
