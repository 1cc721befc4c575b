package dev.merpati.connector.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * AUTH mechanism [initial-response] (RFC 4954) with the PLAIN (RFC 4616) and LOGIN mechanisms,
 * checked by the authentication listener. Offered on the submission ports only, and only under TLS
 * unless the client is one the operator allows plaintext logins from. A failed attempt is answered
 * after a delay, and too many of them end the session.
 */
final class AuthCommand implements SmtpCommand {

    private static final System.Logger LOG = System.getLogger(AuthCommand.class.getName());
    private static final String USERNAME_CHALLENGE = base64("Username:");
    private static final String PASSWORD_CHALLENGE = base64("Password:");

    @Override
    public Set<SmtpState> validStates() {
        return EnumSet.of(SmtpState.GREETED, SmtpState.TRANSACTION);
    }

    @Override
    public SmtpReply outOfSequence(SmtpState state) {
        return SmtpReplies.SEND_HELO_FIRST;
    }

    @Override
    public CompletionStage<SmtpReply> execute(SmtpSession session, String argument) {
        if (!session.listener().submission() || session.authentication() == null) {
            return SmtpCommand.reply(SmtpReplies.AUTH_NOT_ENABLED);
        }
        if (session.user() != null) {
            return SmtpCommand.reply(SmtpReplies.ALREADY_AUTHENTICATED);
        }
        if (session.state() == SmtpState.TRANSACTION) {
            return SmtpCommand.reply(SmtpReplies.AUTH_IN_TRANSACTION);
        }
        if (!session.authAllowed()) {
            return SmtpCommand.reply(SmtpReplies.ENCRYPTION_REQUIRED);
        }
        String[] words = argument.split(" ", -1);
        if (argument.isEmpty() || words.length > 2) {
            return SmtpCommand.reply(SmtpReplies.syntax("AUTH mechanism [initial-response]"));
        }
        String initial = words.length == 2 ? words[1] : null;
        return switch (words[0].toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> initial == null ? challenge(session, AuthCommand::plain, "") : plain(session, initial);
            case "LOGIN" -> initial == null
                    ? challenge(session, AuthCommand::loginUser, USERNAME_CHALLENGE)
                    : loginUser(session, initial);
            default -> SmtpCommand.reply(SmtpReplies.UNKNOWN_MECHANISM);
        };
    }

    private static CompletionStage<SmtpReply> challenge(SmtpSession session, SaslExchange next, String challenge) {
        session.saslExchange(next);
        return SmtpCommand.reply(SmtpReplies.challenge(challenge));
    }

    /** PLAIN: base64 of authzid NUL authcid NUL password; an authzid must name the same user. */
    private static CompletionStage<SmtpReply> plain(SmtpSession session, String response) {
        session.saslExchange(null);
        String decoded = decode(response);
        if (decoded == null) {
            return SmtpCommand.reply(SmtpReplies.CANNOT_DECODE);
        }
        String[] parts = decoded.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1]))) {
            return failed(session);
        }
        return verify(session, parts[1], parts[2]);
    }

    private static CompletionStage<SmtpReply> loginUser(SmtpSession session, String response) {
        String login = decode(response);
        if (login == null) {
            session.saslExchange(null);
            return SmtpCommand.reply(SmtpReplies.CANNOT_DECODE);
        }
        return challenge(session, (s, password) -> loginPassword(s, login, password), PASSWORD_CHALLENGE);
    }

    private static CompletionStage<SmtpReply> loginPassword(SmtpSession session, String login, String response) {
        session.saslExchange(null);
        String password = decode(response);
        if (password == null) {
            return SmtpCommand.reply(SmtpReplies.CANNOT_DECODE);
        }
        return verify(session, login, password);
    }

    private static CompletionStage<SmtpReply> verify(SmtpSession session, String login, String password) {
        if (login.isEmpty()) {
            return failed(session);
        }
        return session.authentication()
                .call(listener -> listener.authenticate(login, password))
                .handle((user, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "authentication of " + login + " failed", error);
                        return SmtpCommand.reply(SmtpReplies.AUTH_UNAVAILABLE);
                    }
                    if (user == null) {
                        LOG.log(
                                System.Logger.Level.INFO,
                                "SMTP AUTH failed for " + login + " from " + session.clientAddress());
                        return failed(session);
                    }
                    session.authenticated(user);
                    return SmtpCommand.reply(SmtpReplies.AUTH_SUCCEEDED);
                })
                .thenCompose(reply -> reply);
    }

    /** 535 after the configured delay; 421 and the end of the session once there were too many. */
    private static CompletionStage<SmtpReply> failed(SmtpSession session) {
        SmtpListener listener = session.listener();
        SmtpReply reply = SmtpReplies.AUTH_FAILED;
        if (session.authFailed() >= listener.maxAuthFailures()) {
            session.requestQuit();
            reply = SmtpReplies.tooManyAuthFailures(session.config().hostName());
        }
        long delay = listener.authFailureDelay().toMillis();
        if (delay <= 0 || session.timer() == null) {
            return SmtpCommand.reply(reply);
        }
        CompletableFuture<SmtpReply> delayed = new CompletableFuture<>();
        SmtpReply answer = reply;
        session.timer().schedule(() -> delayed.complete(answer), delay, TimeUnit.MILLISECONDS);
        return delayed;
    }

    /** @return the decoded text, or {@code null} when it is not base64 ("=" is the empty response) */
    private static String decode(String base64) {
        if (base64.equals("=")) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
