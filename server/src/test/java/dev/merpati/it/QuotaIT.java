package dev.merpati.it;

import static dev.merpati.testkit.DemoAccounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The account storage quota (RFC 9208) as a user meets it: python imaplib reads it with GETQUOTAROOT
 * and is refused with [OVERQUOTA] when an APPEND would not fit; mail sent over SMTP to a full
 * account waits in the queue (4.2.2) and arrives once the operator raises the limit.
 */
class QuotaIT {

    private static final String PASSWORD = "quota-secret";
    private final AdminApi admin = AdminApi.asAlice();

    @Test
    void appendOverQuotaIsRefusedAndDeliveryWaitsUntilThereIsRoom() throws Exception {
        String user = "quota" + System.nanoTime() + "@merpati.test";
        admin.define("accounts/" + user, PASSWORD);
        admin.define("accounts/" + user + "/quota", "4000");

        String output = Tools.python(
                String.join(
                        "\n",
                        "import imaplib, sys",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "m.login(sys.argv[3], sys.argv[4])",
                        "print('CAPS', ' '.join(sorted(m.capabilities)))",
                        "message = b'Subject: filler\\r\\n\\r\\n' + b'x' * 1476 + b'\\r\\n'", // 1500 octets
                        "for i in range(3):",
                        "    typ, data = m.append('INBOX', None, None, message); print('APPEND', i, typ, data[0].decode())",
                        "typ, data = m.getquotaroot('INBOX'); print('ROOT', typ, ' | '.join(d[0].decode() if isinstance(d, list) else d.decode() for d in data))",
                        "typ, data = m.getquota('\"\"'); print('QUOTA', typ, data[0].decode())",
                        "typ, data = m.select('INBOX'); print('MESSAGES', data[0].decode())",
                        "typ, data = m.copy('1', 'Trash'); print('COPY', typ, data[0].decode())",
                        "typ, data = m.status('Trash', '(MESSAGES)'); print('TRASH', data[0].decode())",
                        "m.logout()"),
                TestServer.HOST,
                String.valueOf(TestServer.IMAP_PORT),
                user,
                PASSWORD);
        assertTrue(output.contains(" QUOTA QUOTA=RES-STORAGE "), output);
        assertTrue(output.contains("APPEND 0 OK [APPENDUID"), output);
        assertTrue(output.contains("APPEND 1 OK [APPENDUID"), output);
        assertTrue(output.contains("APPEND 2 NO [OVERQUOTA]"), output);
        assertTrue(output.contains("QUOTA OK \"\" (STORAGE 3 3)"), output); // 3000 octets used of 4000, in KiB
        assertTrue(output.contains("\"INBOX\" \"\""), output);
        assertTrue(output.contains("MESSAGES 2"), output);
        assertTrue(output.contains("COPY NO [OVERQUOTA]"), output);
        assertTrue(output.contains("\"Trash\" (MESSAGES 0)"), output);

        String subject = Mail.uniqueSubject("over quota");
        Mail.send(ALICE, user, subject, "y".repeat(2000) + "\r\n");
        String entry = admin.awaitQueueEntry(user + " DEFERRED");
        assertTrue(entry.contains("4.2.2 mailbox full"), entry);
        assertTrue(Mail.findPop3Message(user, PASSWORD, subject).isEmpty());

        HttpResponse<String> raised = admin.put("accounts/" + user + "/quota", "0");
        assertEquals(204, raised.statusCode(), raised.body());
        Mail.awaitPop3Message(user, PASSWORD, subject, Duration.ofSeconds(60));
        assertEquals(
                404,
                admin.put("accounts/nobody-" + System.nanoTime() + "@merpati.test/quota", "1")
                        .statusCode());
        assertEquals(400, admin.put("accounts/" + user + "/quota", "lots").statusCode());
    }
}
