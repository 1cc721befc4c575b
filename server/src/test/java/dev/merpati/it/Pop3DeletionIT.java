package dev.merpati.it;

import static dev.merpati.testkit.LineClient.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 1939 deletion semantics over a real socket: DELE marks, RSET unmarks, QUIT applies. */
class Pop3DeletionIT {

    @Test
    void deletedMessageSurvivesRsetAndIsGoneAfterQuit() throws Exception {
        String subject = Mail.uniqueSubject("Delete me");
        Mail.send(DemoAccounts.ALICE, DemoAccounts.BOB, subject, "To be deleted.\r\n");
        Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, Duration.ofSeconds(60));

        try (LineClient pop3 = login()) {
            int number = find(pop3, subject);
            assertReply("+OK", pop3.pop3("DELE " + number));
            assertReply("-ERR", pop3.pop3("RETR " + number));
            assertReply("+OK", pop3.pop3("RSET"));
            assertReply("+OK", pop3.pop3("QUIT"));
        }
        try (LineClient pop3 = login()) {
            int number = find(pop3, subject);
            assertReply("+OK", pop3.pop3("DELE " + number));
            assertReply("+OK", pop3.pop3("QUIT"));
        }
        try (LineClient pop3 = login()) {
            assertEquals(-1, find(pop3, subject), "the message deleted at QUIT is still in the maildrop");
            assertReply("+OK", pop3.pop3("QUIT"));
        }
    }

    @Test
    void listSizeIsTheExactOctetCountOfRetr() throws Exception {
        String subject = Mail.uniqueSubject("Sizes");
        Mail.send(DemoAccounts.ALICE, DemoAccounts.BOB, subject, "Size check.\r\n..two dots\r\n");
        Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, Duration.ofSeconds(60));
        try (LineClient pop3 = login()) {
            int number = find(pop3, subject);
            String list = pop3.pop3("LIST " + number);
            assertReply("+OK " + number + " ", list);
            long listed = Long.parseLong(list.split(" ")[2]);
            assertReply("+OK", pop3.pop3("RETR " + number));
            long octets = 0;
            for (String line : pop3.readPop3Lines()) {
                octets += line.getBytes(StandardCharsets.ISO_8859_1).length + 2;
            }
            assertEquals(listed, octets);
            assertReply("+OK", pop3.pop3("QUIT"));
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        try (LineClient pop3 = new LineClient(TestServer.HOST, TestServer.POP3_PORT)) {
            assertReply("+OK", pop3.readLine());
            assertReply("+OK", pop3.pop3("USER " + DemoAccounts.BOB));
            assertReply("-ERR", pop3.pop3("PASS not-the-password"));
        }
    }

    private static LineClient login() throws Exception {
        return LineClient.pop3Login(TestServer.HOST, TestServer.POP3_PORT, DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD);
    }

    /** The message number of the message with this subject, or -1. */
    private static int find(LineClient pop3, String subject) throws Exception {
        String stat = pop3.pop3("STAT");
        assertReply("+OK", stat);
        int count = Integer.parseInt(stat.split(" ")[1]);
        assertReply("+OK", pop3.pop3("LIST"));
        List<String> listing = pop3.readPop3Lines();
        assertTrue(listing.size() == count, () -> "STAT says " + count + " but LIST shows " + listing);
        for (String entry : listing) {
            int number = Integer.parseInt(entry.split(" ")[0]);
            assertReply("+OK", pop3.pop3("RETR " + number));
            if (pop3.readPop3Lines().contains("Subject: " + subject)) {
                return number;
            }
        }
        return -1;
    }
}
