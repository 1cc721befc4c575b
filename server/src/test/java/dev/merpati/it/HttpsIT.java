package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.ServerCertificate;
import dev.merpati.testkit.TestServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The webmail and the admin API on HTTPS with the mail ports' certificate (a client that trusts
 * only that certificate logs in), and plain HTTP from outside the plain-text networks sent to HTTPS.
 */
class HttpsIT {

    @Test
    void theWebmailAnswersHttpsWithTheMailCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream pem = java.nio.file.Files.newInputStream(ServerCertificate.certificatePem())) {
            trust.setCertificateEntry(
                    "merpati", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        HttpClient browser = HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = "https://localhost:" + TestServer.HTTPS_PORT;

        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(
                login.uri().toString().startsWith(base + "/login.xhtml"),
                login.uri().toString());
        String form =
                "j_username=bob&j_password=" + URLEncoder.encode(DemoAccounts.BOB_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> inbox = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, inbox.statusCode());
        assertTrue(
                inbox.uri().getPath().endsWith("/mail/inbox.xhtml"), inbox.uri().toString());
        assertTrue(inbox.body().contains(DemoAccounts.BOB));

        String basic = Base64.getEncoder()
                .encodeToString(
                        (DemoAccounts.ALICE + ":" + DemoAccounts.ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> queue = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/api/queue"))
                        .header("Authorization", "Basic " + basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, queue.statusCode());
    }

    @Test
    void plainHttpFromOutsideIsSentToHttps() throws Exception {
        String[] login = plainGetFrom("127.0.0.2", "/login.xhtml?x=1");
        assertTrue(login[0].matches("HTTP/1\\.1 30[12] .*"), login[0]);
        assertEquals("https://127.0.0.1:" + TestServer.HTTPS_PORT + "/login.xhtml?x=1", login[1], "Location");
        String[] admin = plainGetFrom("127.0.0.2", "/admin/api/queue");
        assertTrue(admin[0].matches("HTTP/1\\.1 30[12] .*"), admin[0]);
        assertTrue(admin[1].startsWith("https://127.0.0.1:" + TestServer.HTTPS_PORT + "/admin/api/queue"), admin[1]);

        String[] password = plainRequestFrom("127.0.0.2", "POST", "/j_security_check", "j_username=bob&j_password=x");
        assertEquals("HTTP/1.1 403", password[0].substring(0, 12), "a login in the clear is refused: " + password[0]);

        String[] local = plainGetFrom("127.0.0.1", "/login.xhtml");
        assertEquals("HTTP/1.1 200", local[0].substring(0, 12), "the machine itself may use plain HTTP");
    }

    /** The status line and Location of a GET sent from a chosen local address. */
    private static String[] plainGetFrom(String from, String path) throws Exception {
        return plainRequestFrom(from, "GET", path, null);
    }

    private static String[] plainRequestFrom(String from, String method, String path, String form) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(TestServer.HOST, TestServer.HTTP_PORT), 10_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String body = form == null ? "" : form;
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + TestServer.HOST + ":" + TestServer.HTTP_PORT
                            + (form == null
                                    ? ""
                                    : "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                            + body.length())
                            + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            String location = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = line.substring(9).strip();
                }
            }
            return new String[] {status, location};
        }
    }
}
