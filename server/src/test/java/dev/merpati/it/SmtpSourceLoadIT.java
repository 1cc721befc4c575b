package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The load test: Postfix's smtp-source with 20 sessions × 1000 messages completes without
 * an error reply, and every message reaches its mailbox. A fresh account takes the load, so no
 * other test's mailbox grows by 20,000 messages.
 */
class SmtpSourceLoadIT {

    private static final Path SMTP_SOURCE = Path.of("/usr/sbin/smtp-source");
    private static final int SESSIONS = 20;
    private static final int MESSAGES = 20 * 1000;
    private static final Duration SENDING = Duration.ofMinutes(20);
    private static final Duration DELIVERY = Duration.ofMinutes(15);
    private static final String PASSWORD = "load-secret";

    @Test
    void twentySessionsOfAThousandMessagesAllReachTheMailbox() throws Exception {
        assertTrue(Files.isExecutable(SMTP_SOURCE), "smtp-source missing: scripts/test-tools.sh installs postfix");
        String user = "load" + System.nanoTime() + "@merpati.test";
        AdminApi.asAlice().define("accounts/" + user, PASSWORD);

        Path log = Files.createTempFile("smtp-source", ".log");
        Process source = new ProcessBuilder(
                        SMTP_SOURCE.toString(),
                        "-s",
                        String.valueOf(SESSIONS),
                        "-m",
                        String.valueOf(MESSAGES),
                        "-l",
                        "4096",
                        "-f",
                        DemoAccounts.ALICE,
                        "-t",
                        user,
                        "-M",
                        "merpati.test",
                        "127.0.0.1:" + TestServer.SMTP_PORT)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = source.waitFor(SENDING.toSeconds(), TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            source.destroyForcibly();
        }
        assertTrue(finished, "smtp-source did not finish in " + SENDING + ": " + output);
        assertEquals(0, source.exitValue(), "smtp-source reported an error: " + output);

        long end = System.nanoTime() + DELIVERY.toNanos();
        int count = 0;
        while (System.nanoTime() < end) {
            count = messagesIn(user);
            if (count >= MESSAGES) {
                break;
            }
            Thread.sleep(2000);
        }
        assertEquals(MESSAGES, count, "messages in " + user + "'s mailbox");
    }

    /** POP3 STAT's message count; -1 while another session holds the maildrop. */
    private static int messagesIn(String user) throws IOException {
        try (LineClient pop3 = new LineClient("127.0.0.1", TestServer.POP3_PORT)) {
            pop3.readLine();
            pop3.pop3("USER " + user);
            String pass = pop3.pop3("PASS " + PASSWORD);
            if (!pass.startsWith("+OK")) {
                return -1;
            }
            List<String> stat = List.of(pop3.pop3("STAT").split(" "));
            pop3.pop3("QUIT");
            return Integer.parseInt(stat.get(1));
        }
    }
}
