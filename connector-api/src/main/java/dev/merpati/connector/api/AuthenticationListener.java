package dev.merpati.connector.api;

/** Checks a user's credentials for POP3, IMAP and SMTP AUTH. */
public interface AuthenticationListener {

    /**
     * @param login a full address ({@code alice@example.org}) or a bare local part, which means the
     *     server's primary domain
     * @return the authenticated account, or {@code null} when the login or password is wrong
     */
    AuthenticatedUser authenticate(String login, String password);
}
