package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The webmail's login page and INBOX list, over HTTP as a browser without JavaScript sees them. */
class WebmailIT {

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static URI page(String path) {
        return URI.create("http://" + TestServer.HOST + ":" + TestServer.HTTP_PORT + path);
    }

    @Test
    void userLogsInAndSeesTheirInbox() throws Exception {
        String subject = Mail.uniqueSubject("For the webmail");
        Mail.send(DemoAccounts.ALICE, DemoAccounts.BOB, subject, "Read me in the browser.\r\n");
        Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, Duration.ofSeconds(60));

        HttpResponse<String> loginPage = get("/");
        assertEquals(200, loginPage.statusCode());
        assertTrue(
                loginPage.uri().getPath().endsWith("/login.xhtml"),
                loginPage.uri().toString());
        assertTrue(loginPage.body().contains("j_security_check"), loginPage.body());

        HttpResponse<String> inbox = login("bob", DemoAccounts.BOB_PASSWORD);
        assertEquals(200, inbox.statusCode());
        assertTrue(
                inbox.uri().getPath().endsWith("/mail/inbox.xhtml"), inbox.uri().toString());
        assertTrue(inbox.body().contains(DemoAccounts.BOB), "the page does not say who is logged in");
        assertTrue(inbox.body().contains(subject), "the inbox does not list the new message");
    }

    @Test
    void wrongPasswordShowsTheLoginPageAgain() throws Exception {
        get("/");
        HttpResponse<String> response = login(DemoAccounts.BOB, "wrong");
        assertTrue(
                response.uri().toString().contains("failed=true"),
                response.uri().toString());
        assertTrue(response.body().contains("Unknown user or bad password"), response.body());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(page("/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(page(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
