package dev.merpati.connector.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * AUTH (RFC 5034) with the PLAIN mechanism (RFC 4616), with or without an initial response; without
 * one the server sends an empty "+ " challenge and the next line is the response ("*" cancels).
 * A bare AUTH lists the mechanisms, which older clients ask for (RFC 1734 practice).
 */
final class AuthCommand implements Pop3Command {

    static final String PLAIN = "PLAIN";

    @Override
    public Set<Pop3State> validStates() {
        return Set.of(Pop3State.AUTHORIZATION);
    }

    @Override
    public CompletionStage<Pop3Response> execute(Pop3Session session, String argument) {
        if (argument.isEmpty()) {
            List<String> mechanisms = session.plaintextAuthAllowed() ? List.of(PLAIN) : List.of();
            return Pop3Command.respond(new Pop3Response.MultiLine(Pop3Replies.MECHANISMS, mechanisms));
        }
        String[] parts = argument.split(" +");
        if (parts.length > 2) {
            return Pop3Command.respond(Pop3Replies.syntax("AUTH mechanism [initial-response]"));
        }
        if (!parts[0].toUpperCase(Locale.ROOT).equals(PLAIN)) {
            return Pop3Command.respond(Pop3Replies.UNKNOWN_MECHANISM);
        }
        if (!session.plaintextAuthAllowed()) {
            return Pop3Command.respond(Pop3Replies.PLAINTEXT_DISALLOWED);
        }
        if (parts.length == 2) {
            return plain(session, parts[1]);
        }
        session.expectContinuation(response -> plain(session, response.strip()));
        return Pop3Command.respond(Pop3Replies.CONTINUE);
    }

    private static CompletableFuture<Pop3Response> plain(Pop3Session session, String response) {
        if (response.equals("*")) {
            return CompletableFuture.completedFuture(Pop3Response.line(Pop3Replies.AUTH_CANCELLED));
        }
        byte[] decoded;
        try {
            decoded = response.equals("=") ? new byte[0] : Base64.getDecoder().decode(response);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Pop3Response.line(Pop3Replies.BAD_BASE64));
        }
        PlainCredentials credentials = PlainCredentials.parse(decoded);
        if (credentials == null) {
            return CompletableFuture.completedFuture(Pop3Response.line(Pop3Replies.BAD_PLAIN));
        }
        return Login.complete(session, credentials.authcid(), credentials.password());
    }

    /** The decoded PLAIN message {@code [authzid] NUL authcid NUL passwd} (RFC 4616 §2). */
    record PlainCredentials(String authcid, String password) {

        /** @return the credentials, or {@code null} when malformed or asking to act as another user */
        static PlainCredentials parse(byte[] message) {
            String text = new String(message, StandardCharsets.UTF_8);
            String[] fields = text.split("\0", -1);
            if (fields.length != 3 || fields[1].isEmpty()) {
                return null;
            }
            // Nobody may log in as someone else: an authorization identity must be the same user.
            if (!fields[0].isEmpty() && !fields[0].equalsIgnoreCase(fields[1])) {
                return null;
            }
            return new PlainCredentials(fields[1], fields[2]);
        }
    }
}
