package dev.merpati.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** The admin REST API at /admin/api, as curl would use it: HTTP BASIC as an admin account. */
public final class AdminApi {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;

    public AdminApi(String user, String password) {
        authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static AdminApi asAlice() {
        return new AdminApi(DemoAccounts.ALICE, DemoAccounts.ALICE_PASSWORD);
    }

    public static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** The queue listing as text (mailq). */
    public String mailq() throws Exception {
        HttpResponse<String> r =
                send(request("queue").header("Accept", "text/plain").GET());
        if (r.statusCode() != 200) {
            throw new AssertionError("mailq answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The mailq block (entry line and its recipient lines) that contains the text, if any. */
    public Optional<String> queueEntry(String text) throws Exception {
        for (String block : mailq().split("\n(?=\\S)")) {
            if (block.contains(text)) {
                return Optional.of(block);
            }
        }
        return Optional.empty();
    }

    /** Waits up to 60 s for a queue entry that contains the text (e.g. "user@host DEFERRED"). */
    public String awaitQueueEntry(String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Optional<String> found = queueEntry(text);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no queue entry with '" + text + "' in\n" + mailq());
            }
            Thread.sleep(200);
        }
    }

    public HttpResponse<String> put(String path, String text) throws Exception {
        return send(request(path).header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(text)));
    }

    public HttpResponse<String> post(String path) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    /** PUT that must succeed. */
    public void define(String path, String text) throws Exception {
        HttpResponse<String> r = put(path, text);
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("PUT " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(
                        URI.create("http://" + TestServer.HOST + ":" + TestServer.HTTP_PORT + "/admin/api/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
