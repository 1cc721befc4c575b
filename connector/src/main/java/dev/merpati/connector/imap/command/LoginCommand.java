package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** LOGIN user password, and AUTHENTICATE PLAIN with or without an initial response (SASL-IR). */
final class LoginCommand {

    private static final System.Logger LOG = System.getLogger(LoginCommand.class.getName());

    private LoginCommand() {}

    static final ImapCommand LOGIN = new ImapCommand() {
        @Override
        public Set<ImapState> validStates() {
            return NOT_AUTHENTICATED;
        }

        @Override
        public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
                throws ImapSyntaxException {
            parser.sp();
            String user = parser.astring();
            parser.sp();
            String password = parser.astring();
            parser.end();
            return check(session, tag, user, password);
        }
    };

    static final ImapCommand AUTHENTICATE = new ImapCommand() {
        @Override
        public Set<ImapState> validStates() {
            return NOT_AUTHENTICATED;
        }

        @Override
        public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
                throws ImapSyntaxException {
            parser.sp();
            String mechanism = parser.keyword();
            if (!mechanism.equals("PLAIN")) {
                parser.atEnd();
                return ImapCommand.tagged(tag, ImapResponses.no("Unsupported authentication mechanism"));
            }
            if (parser.tryChar(' ')) {
                String initial = parser.atom();
                parser.end();
                return plain(session, tag, initial.equals("=") ? "" : initial);
            }
            parser.end();
            return ImapCommand.done(new ImapReply().text("+ \r\n").thenContinue(line -> plain(session, tag, line)));
        }
    };

    private static CompletionStage<ImapReply> plain(ImapSession session, String tag, String response) {
        if (response.equals("*")) {
            return ImapCommand.tagged(tag, ImapResponses.AUTH_CANCELLED);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(response.strip());
        } catch (IllegalArgumentException e) {
            return ImapCommand.tagged(tag, ImapResponses.bad("Invalid base64"));
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3) {
            return ImapCommand.tagged(tag, ImapResponses.bad("Invalid PLAIN response"));
        }
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            return ImapCommand.tagged(tag, ImapResponses.no("[AUTHORIZATIONFAILED] Cannot act as another user"));
        }
        return check(session, tag, parts[1], parts[2]);
    }

    private static CompletionStage<ImapReply> check(ImapSession session, String tag, String login, String password) {
        if (!session.loginAllowed()) {
            return ImapCommand.tagged(tag, ImapResponses.no("[PRIVACYREQUIRED] Use TLS to log in"));
        }
        return session.authentication()
                .call(listener -> listener.authenticate(login, password))
                .handle((AuthenticatedUser user, Throwable error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "authentication of " + login + " failed", error);
                        return new ImapReply().tagged(tag, ImapResponses.TEMPORARY_FAILURE);
                    }
                    if (user == null) {
                        return new ImapReply().tagged(tag, ImapResponses.AUTH_FAILED);
                    }
                    session.loggedIn(user);
                    return new ImapReply().tagged(tag, ImapResponses.loggedIn(session));
                })
                .toCompletableFuture()
                .thenCompose(CompletableFuture::completedFuture);
    }
}
