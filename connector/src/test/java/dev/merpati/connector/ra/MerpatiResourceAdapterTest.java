package dev.merpati.connector.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.testkit.ScriptClient;
import jakarta.resource.spi.BootstrapContext;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MerpatiResourceAdapterTest {

    private final ExecutorService workThreads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        workThreads.shutdownNow();
    }

    @Test
    void servesSmtpAndPop3ThroughEndpointsUntilStopped() throws Exception {
        var adapter = new MerpatiResourceAdapter();
        adapter.setHostName("ra.test");
        adapter.setBindAddress("127.0.0.1");
        adapter.setSmtpPort(freePort());
        adapter.setPop3Port(freePort());
        adapter.setSubmissionPort(freePort());
        adapter.setImapPort(0); // the fixed default port may be taken by another build on this machine
        adapter.start(bootstrapContext());
        try {
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().startsWith("merpati-io-") && thread.isDaemon()));

            try (var client = new ScriptClient(adapter.getSmtpPort())) {
                client.expect("421 4.3.2 ra.test");
            }

            var factory =
                    new FakeEndpointFactory(EndpointInvokerTest.ReceiverBean.class, MailReceiverListener.class, 0);
            var spec = new MerpatiActivationSpec();
            spec.setResourceAdapter(adapter);
            spec.validate();
            adapter.endpointActivation(factory, spec);

            try (var client = new ScriptClient(adapter.getSmtpPort())) {
                client.script(
                        "S: 220 ra.test ESMTP Merpati",
                        "C: HELO c",
                        "S: 250 ra.test",
                        "C: MAIL FROM:<a@x.test>",
                        "S: 250 2.1.0",
                        "C: RCPT TO:<b@x.test>",
                        "S: 250 2.1.5 Ok");
            }
            assertEquals(1, factory.released.get());

            try (var client = new ScriptClient(adapter.getSubmissionPort())) {
                client.script(
                        "S: 220 ra.test ESMTP Merpati",
                        "C: EHLO c",
                        "S: 250-ra.test",
                        "S: 250-PIPELINING",
                        "S: 250-SIZE",
                        "S: 250-AUTH PLAIN LOGIN",
                        "S: 250-ENHANCEDSTATUSCODES",
                        "S: 250-8BITMIME",
                        "S: 250-DSN",
                        "S: 250-SMTPUTF8",
                        "S: 250 CHUNKING",
                        "C: MAIL FROM:<a@x.test>",
                        "S: 530 5.7.0 Authentication required");
            }

            try (var client = new ScriptClient(adapter.getPop3Port())) {
                client.script(
                        "S: +OK Merpati POP3 server ready", "C: USER a", "S: +OK", "C: PASS b", "S: -ERR [SYS/TEMP]");
            }
            adapter.endpointDeactivation(factory, spec);
        } finally {
            adapter.stop();
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", adapter.getSmtpPort()).close());
    }

    @Test
    void disabledPortsStartNothing() throws Exception {
        var adapter = new MerpatiResourceAdapter();
        adapter.setSmtpPort(0);
        adapter.setPop3Port(-1);
        adapter.setSubmissionPort(0);
        adapter.setSmtpsPort(0);
        adapter.setImapPort(0);
        adapter.start(bootstrapContext());
        adapter.stop();
    }

    @Test
    void defaults() {
        var adapter = new MerpatiResourceAdapter();
        assertEquals("0.0.0.0", adapter.getBindAddress());
        assertEquals(2525, adapter.getSmtpPort());
        assertEquals(1110, adapter.getPop3Port());
        assertEquals(2587, adapter.getSubmissionPort());
        assertEquals(2465, adapter.getSmtpsPort());
        assertEquals(50, adapter.getSmtpMaxConnectionsPerClient());
        assertEquals(67108864L, adapter.getMaxMessageSize());
        assertEquals(100, adapter.getSmtpMaxRecipients());
        assertEquals(2, adapter.getIoThreads());
    }

    private BootstrapContext bootstrapContext() {
        var workManager = FakeEndpointFactory.workManager(workThreads);
        return (BootstrapContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BootstrapContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getWorkManager")) {
                        return workManager;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
