package dev.merpati.connector.ra;

import dev.merpati.connector.api.AuthenticatedUser;
import jakarta.resource.spi.work.SecurityContext;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import java.io.IOException;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * JCA security inflow (Connector 1.7 §16.4): the adapter checked the user's credentials at login
 * (through the authentication endpoint), so it asserts the caller principal, the account's address,
 * and the mail user group; the container's role mapping turns the group into the role the mailbox
 * service requires.
 */
final class CallerSecurityContext extends SecurityContext {

    private static final long serialVersionUID = 1L;

    private final String caller;

    CallerSecurityContext(String caller) {
        this.caller = caller;
    }

    @Override
    public void setupSecurityContext(CallbackHandler handler, Subject executionSubject, Subject serviceSubject) {
        try {
            handler.handle(new Callback[] {
                new CallerPrincipalCallback(executionSubject, caller),
                new GroupPrincipalCallback(executionSubject, new String[] {AuthenticatedUser.MAIL_USER_GROUP})
            });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the container did not take the caller " + caller, e);
        }
    }

    @Override
    public String getName() {
        return "caller " + caller;
    }
}
