package dev.merpati.account;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/** Checks POP3, IMAP and SMTP AUTH credentials for the connector. */
@MessageDriven(messageListenerInterface = AuthenticationListener.class)
public class AuthenticationEndpoint implements AuthenticationListener {

    @Inject
    AccountService accountService;

    @Override
    public AuthenticatedUser authenticate(String login, String password) {
        return accountService
                .authenticate(login, password)
                .map(a -> new AuthenticatedUser(a.id(), a.address()))
                .orElse(null);
    }
}
