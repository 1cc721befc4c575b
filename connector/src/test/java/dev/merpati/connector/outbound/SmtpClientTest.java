package dev.merpati.connector.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpDeliveryResult;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The SMTP client against a scripted peer on a loopback socket. */
class SmtpClientTest {

    private static final SmtpClient CLIENT = new SmtpClient("mail.merpati.test", ClientTimeouts.all(5000));

    private static MessageContent content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new MessageContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** Answers each command with the next scripted reply; returns everything the client sent. */
    private static CompletableFuture<String> peer(ServerSocket server, String... replies) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            try (Socket s = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                out.write("220-peer\r\n220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
                boolean inData = false;
                int next = 0;
                String line;
                while ((line = in.readLine()) != null) {
                    seen.writeBytes((line + "\n").getBytes(StandardCharsets.US_ASCII));
                    if (inData && !line.equals(".")) {
                        continue;
                    }
                    String reply = replies[next++];
                    inData = reply.startsWith("354");
                    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (reply.startsWith("221")) {
                        break;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return seen.toString(StandardCharsets.US_ASCII);
        });
    }

    @Test
    void deliversWithDotStuffingAndReportsEachRecipient() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> session = peer(
                    server,
                    "250-peer\r\n250-PIPELINING\r\n250 8BITMIME",
                    "250 2.1.0 ok",
                    "250 2.1.5 ok",
                    "550 5.1.1 unknown",
                    "451 try later",
                    "354 go",
                    "250 2.0.0 queued as X",
                    "221 bye");
            List<SmtpDeliveryResult> results = CLIENT.deliver(
                    "127.0.0.1",
                    server.getLocalPort(),
                    "a@merpati.test",
                    List.of("x@remote.test", "y@remote.test", "z@remote.test"),
                    content("Subject: s\r\n\r\n.dot\nbare lf\r\nend"));
            String sent = session.get();
            assertTrue(sent.startsWith("EHLO mail.merpati.test\nMAIL FROM:<a@merpati.test>\n"), sent);
            assertTrue(sent.contains("\n..dot\nbare lf\nend\n.\nQUIT\n"), sent);
            assertEquals(250, results.get(0).code());
            assertTrue(results.get(0).accepted());
            assertEquals("2.0.0", results.get(0).enhancedCode());
            assertTrue(results.get(1).permanent());
            assertEquals("5.1.1", results.get(1).enhancedCode());
            assertEquals(451, results.get(2).code());
            assertEquals("4.0.0", results.get(2).enhancedCode());
        }
    }

    @Test
    void aRefusedSenderFailsEveryRecipient() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> session = peer(server, "250 peer", "553 5.7.1 not you", "221 bye");
            List<SmtpDeliveryResult> results = CLIENT.deliver(
                    "127.0.0.1", server.getLocalPort(), "", List.of("x@remote.test", "y@remote.test"), content("x"));
            assertTrue(session.get().contains("MAIL FROM:<>\n"));
            assertEquals(
                    List.of(553, 553),
                    results.stream().map(SmtpDeliveryResult::code).toList());
        }
    }

    @Test
    void noConnectionIsATemporaryFailure() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        List<SmtpDeliveryResult> results =
                CLIENT.deliver("127.0.0.1", port, "a@merpati.test", List.of("x@remote.test"), content("x"));
        SmtpDeliveryResult r = results.get(0);
        assertEquals(SmtpClient.CONNECTION_FAILED, r.code());
        assertFalse(r.accepted() || r.permanent());
        assertEquals("4.4.1", r.enhancedCode());
        assertEquals(new ArrayList<>(List.of("x@remote.test")), List.of(r.recipient()));
    }

    @Test
    void aPeerThatNeverGreetsTimesOutAsATemporaryFailure() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the kernel completes the TCP handshake into the backlog; nobody ever answers
            SmtpClient impatient =
                    new SmtpClient("mail.merpati.test", new ClientTimeouts(5000, 700, 5000, 5000, 5000, 5000, 5000));
            long start = System.nanoTime();
            List<SmtpDeliveryResult> results = impatient.deliver(
                    "127.0.0.1", server.getLocalPort(), "a@merpati.test", List.of("x@remote.test"), content("x"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            SmtpDeliveryResult r = results.get(0);
            assertEquals(SmtpClient.CONNECTION_FAILED, r.code());
            assertEquals("4.4.2", r.enhancedCode());
            assertTrue(r.text().contains("timed out while receiving the initial server greeting"), r.text());
            assertTrue(millis >= 600 && millis < 4000, "gave up after " + millis + " ms");
        }
    }

    @Test
    void aSessionLostDuringTheTransactionIsNotAnUnreachableServer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream();
                    out.write("220 peer\r\n".getBytes(StandardCharsets.US_ASCII));
                    in.readLine(); // EHLO
                    out.write("250 peer\r\n".getBytes(StandardCharsets.US_ASCII));
                    in.readLine(); // MAIL: hang up without a reply
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<SmtpDeliveryResult> results = CLIENT.deliver(
                    "127.0.0.1", server.getLocalPort(), "a@merpati.test", List.of("x@remote.test"), content("x"));
            peer.get();
            SmtpDeliveryResult r = results.get(0);
            assertEquals(SmtpClient.LOST_IN_TRANSACTION, r.code());
            assertFalse(r.accepted() || r.permanent());
            assertEquals("4.4.2", r.enhancedCode());
            assertTrue(r.text().contains("while sending MAIL FROM"), r.text());
        }
    }
}
