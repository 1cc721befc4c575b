package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.merpati.testkit.AdminApi;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The login cache as a user meets it: remembered successes and failures never outlive a password
 * change made through the admin REST API, for IMAP (python imaplib) and POP3 (poplib) alike.
 */
class LoginCacheIT {

    private static final String SCRIPT = String.join(
            "\n",
            "import imaplib, poplib, sys",
            "host, imap, pop3, user = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]",
            "for password in sys.argv[5:]:",
            "    for attempt in range(2):",
            "        m = imaplib.IMAP4(host, imap)",
            "        try:",
            "            m.login(user, password); print('IMAP', password, 'OK'); m.logout()",
            "        except imaplib.IMAP4.error:",
            "            print('IMAP', password, 'NO'); m.shutdown()",
            "        p = poplib.POP3(host, pop3)",
            "        p.user(user)",
            "        try:",
            "            p.pass_(password); print('POP3', password, 'OK')",
            "        except poplib.error_proto:",
            "            print('POP3', password, 'NO')",
            "        p.quit()");

    private final AdminApi admin = AdminApi.asAlice();

    @Test
    void passwordChangeEndsRememberedLoginsAtOnce() throws Exception {
        String user = "cache" + System.nanoTime() + "@merpati.test";
        admin.define("accounts/" + user, "old-secret");

        String before = logins(user, "old-secret", "new-secret");
        assertEquals(2, count(before, "IMAP old-secret OK"), before);
        assertEquals(2, count(before, "POP3 old-secret OK"), before);
        assertEquals(2, count(before, "IMAP new-secret NO"), before);
        assertEquals(2, count(before, "POP3 new-secret NO"), before);

        HttpResponse<String> changed = admin.put("accounts/" + user + "/password", "new-secret");
        assertEquals(204, changed.statusCode(), changed.body());

        String after = logins(user, "old-secret", "new-secret");
        assertEquals(2, count(after, "IMAP old-secret NO"), after);
        assertEquals(2, count(after, "POP3 old-secret NO"), after);
        assertEquals(2, count(after, "IMAP new-secret OK"), after);
        assertEquals(2, count(after, "POP3 new-secret OK"), after);

        assertEquals(
                404,
                admin.put("accounts/nobody-" + System.nanoTime() + "@merpati.test/password", "x")
                        .statusCode());
        assertEquals(400, admin.put("accounts/" + user + "/password", "").statusCode());
    }

    private static int count(String output, String line) {
        return (int) output.lines().filter(line::equals).count();
    }

    private static String logins(String user, String... passwords) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                TestServer.HOST, String.valueOf(TestServer.IMAP_PORT), String.valueOf(TestServer.POP3_PORT), user));
        args.addAll(List.of(passwords));
        return Tools.python(SCRIPT, args.toArray(String[]::new));
    }
}
