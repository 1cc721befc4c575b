package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reading mail in the webmail over HTTP as a browser would: the list links to a read view at a
 * bookmarkable address, HTML is served sanitised for a sandboxed frame, an attachment downloads with
 * its bytes intact and safe headers, and the message is then seen.
 */
class WebmailReadIT {

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static URI page(String path) {
        return URI.create("http://" + TestServer.HOST + ":" + TestServer.HTTP_PORT + path);
    }

    @Test
    void anHtmlMailWithAnAttachmentIsReadSafely() throws Exception {
        String subject = Mail.uniqueSubject("Quarterly report");
        byte[] attachment = new byte[70_000];
        for (int i = 0; i < attachment.length; i++) {
            attachment[i] = (byte) (i * 31 + 7);
        }
        sendHtmlWithAttachment(subject, attachment);
        Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, Duration.ofSeconds(60));

        get("/");
        HttpResponse<String> inbox = login("bob", DemoAccounts.BOB_PASSWORD);
        assertEquals(200, inbox.statusCode());
        Matcher link = Pattern.compile("href=\"([^\"]*/mail/read\\.xhtml\\?folder=INBOX&amp;uid=(\\d+))\"[^>]*>"
                        + Pattern.quote(subject))
                .matcher(inbox.body());
        assertTrue(link.find(), "the list links the message to its read view");
        String uid = link.group(2);
        assertTrue(inbox.body().contains("Has attachments"), "the list marks the attachment");

        HttpResponse<String> read = get("/mail/read.xhtml?folder=INBOX&uid=" + uid);
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains(subject), "the read view shows the subject");
        assertTrue(read.body().contains("Alice Example &lt;alice@merpati.test&gt;"), read.body());
        assertFalse(read.body().contains("alert("), "the mail's script never reaches the webmail's page");
        Matcher frame = Pattern.compile("<iframe id=\"html-body\"[^>]*sandbox=\"([^\"]*)\"[^>]*src=\"([^\"]+)\"")
                .matcher(read.body());
        assertTrue(frame.find(), "HTML is shown in a frame: " + read.body());
        assertFalse(frame.group(1).contains("allow-scripts"));
        assertFalse(frame.group(1).contains("allow-same-origin"));

        HttpResponse<String> html = get(frame.group(2).replace("&amp;", "&"));
        assertEquals(200, html.statusCode());
        String csp = html.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("sandbox"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertEquals(
                "nosniff", html.headers().firstValue("X-Content-Type-Options").orElse(""));
        String body = html.body().toLowerCase(Locale.ROOT);
        assertTrue(body.contains("<b>numbers</b>"), body);
        assertFalse(body.contains("<script"), body);
        assertFalse(body.contains("onerror"), body);
        assertFalse(body.contains("tracker.example"), "remote images are blocked: " + body);

        Matcher download = Pattern.compile("href=\"([^\"]*/mail/part\\?[^\"]*)\"[^>]*>report\\.bin<")
                .matcher(read.body());
        assertTrue(download.find(), "the attachment is listed: " + read.body());
        HttpResponse<byte[]> file = browser.send(
                HttpRequest.newBuilder(page(download.group(1).replace("&amp;", "&")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(attachment, file.body(), "the attachment downloads byte for byte");
        String disposition = file.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''report.bin"), disposition);
        assertEquals(
                "nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<String> again = get("/mail/inbox.xhtml");
        Matcher row = Pattern.compile("class=\"subject\\s*([^\"]*)\"[^>]*>" + Pattern.quote(subject))
                .matcher(again.body());
        assertTrue(row.find(), again.body());
        assertEquals("", row.group(1).strip(), "opened, the message is no longer shown unread");

        String word = subject.substring(subject.lastIndexOf(' ') + 1, subject.lastIndexOf(' ') + 9);
        HttpResponse<String> found = get("/mail/inbox.xhtml?folder=INBOX&q=" + word);
        assertTrue(found.body().contains(subject), "the quick search finds the message by a word of its subject");
        assertTrue(found.body().contains("1 messages"), found.body());
        HttpResponse<String> none = get("/mail/inbox.xhtml?folder=INBOX&q=no-such-words-anywhere");
        assertTrue(none.body().contains("This folder is empty") || none.body().contains(" 0 messages"), none.body());
        assertFalse(none.body().contains(subject));

        // The message as stored: view source and .eml download.
        Matcher eml = Pattern.compile("id=\"eml\" href=\"([^\"]+)\"").matcher(read.body());
        assertTrue(eml.find(), read.body());
        HttpResponse<String> saved = get(eml.group(1).replace("&amp;", "&"));
        assertEquals(200, saved.statusCode());
        assertEquals(
                "message/rfc822", saved.headers().firstValue("Content-Type").orElse(""));
        assertTrue(saved.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertTrue(saved.body().contains("Subject: " + subject), "the .eml is the stored message");
        assertTrue(saved.body().contains("<script>alert(1)</script>"), "as stored, byte for byte");
        HttpResponse<String> source = get(eml.group(1).replace("&amp;", "&").replace("&download=true", ""));
        assertTrue(source.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(
                "nosniff", source.headers().firstValue("X-Content-Type-Options").orElse(""));

        // Flag it, then delete it: it moves to Trash, as in SquirrelMail.
        HttpResponse<String> flagged = submit(get("/mail/read.xhtml?folder=INBOX&uid=" + uid), "actions:flag");
        assertTrue(flagged.body().contains("value=\"Unflag\""), "the message is flagged: " + flagged.body());
        HttpResponse<String> afterDelete = submit(flagged, "actions:delete");
        assertTrue(
                afterDelete.uri().getPath().endsWith("/mail/inbox.xhtml"),
                afterDelete.uri().toString());
        assertFalse(afterDelete.body().contains(subject), "deleted, the message leaves the inbox");
        HttpResponse<String> trash = get("/mail/inbox.xhtml?folder=Trash");
        assertTrue(trash.body().contains(subject), "deleted, the message is in Trash");

        assertEquals(404, get("/mail/read.xhtml?folder=INBOX&uid=999999").statusCode());
        assertEquals(404, get("/mail/part?folder=INBOX&uid=" + uid + "&part=9").statusCode());
        assertEquals(
                404,
                get("/mail/part?folder=" + URLEncoder.encode("No such", StandardCharsets.UTF_8) + "&uid=" + uid
                                + "&part=2")
                        .statusCode());
    }

    @Test
    void anotherUserCannotReachTheMessage() throws Exception {
        String subject = Mail.uniqueSubject("For bob only");
        Mail.send(DemoAccounts.ALICE, DemoAccounts.BOB, subject, "Secret for bob.\r\n");
        Mail.awaitPop3Message(DemoAccounts.BOB, DemoAccounts.BOB_PASSWORD, subject, Duration.ofSeconds(60));

        get("/");
        HttpResponse<String> inbox = login("alice", DemoAccounts.ALICE_PASSWORD);
        assertEquals(200, inbox.statusCode());
        assertFalse(inbox.body().contains(subject), "alice's list does not show bob's mail");
        // Messages are named by the caller's own folder and UID: no number reaches bob's mail.
        for (int uid = 1; uid <= 30; uid++) {
            HttpResponse<String> read = get("/mail/read.xhtml?folder=INBOX&uid=" + uid);
            assertFalse(read.body().contains(subject), "alice read bob's message as uid " + uid);
        }
    }

    private static void sendHtmlWithAttachment(String subject, byte[] attachment) throws Exception {
        MimeMessage message = new MimeMessage(Mail.session());
        message.setFrom(new InternetAddress(DemoAccounts.ALICE, "Alice Example", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, DemoAccounts.BOB);
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The numbers are attached.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<p>The <b>numbers</b> are attached.<script>alert(1)</script>"
                        + "<img src=\"http://tracker.example/open.gif\" onerror=\"alert(2)\"></p>",
                "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
        file.setFileName("report.bin");
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(body, file));
        Transport.send(message);
    }

    /** Posts the page's "actions" form as a click on {@code button} would (with its view state). */
    private HttpResponse<String> submit(HttpResponse<String> page, String button) throws Exception {
        Matcher form =
                Pattern.compile("<form id=\"actions\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(form.find(), page.body());
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(state.find(), page.body());
        Matcher target = Pattern.compile("<option value=\"([^\"]+)\"").matcher(page.body());
        StringBuilder hidden = new StringBuilder();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"(folder|uid)\" value=\"([^\"]*)\"")
                .matcher(page.body());
        while (input.find()) {
            hidden.append('&')
                    .append(input.group(1))
                    .append('=')
                    .append(URLEncoder.encode(input.group(2).replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        String body = "actions=actions&" + URLEncoder.encode(button, StandardCharsets.UTF_8) + "=x" + hidden
                + (target.find()
                        ? "&actions%3Atarget=" + URLEncoder.encode(target.group(1), StandardCharsets.UTF_8)
                        : "")
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(page.uri().resolve(form.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(page(path)).build(), HttpResponse.BodyHandlers.ofString());
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
}
