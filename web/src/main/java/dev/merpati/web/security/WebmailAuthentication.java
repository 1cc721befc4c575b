package dev.merpati.web.security;

import dev.merpati.settings.HttpsOnlyFromOutside;
import dev.merpati.settings.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The webmail's login, as SquirrelMail's: a form with user name and password posted to {@value
 * #LOGIN_CHECK}; once it succeeds the session carries the caller (a new session id) until logout or
 * timeout, and every later request, including the EJB calls it makes, runs as that caller. A
 * protected page asked for without a login sends the browser to the login page.
 *
 * <p>The platform's FORM mechanism was replaced because the request it replays after the login (the
 * page first asked for) reached the EJB container without the caller's roles on Payara 6, so the
 * mailbox service refused it.
 */
@ApplicationScoped
@AutoApplySession
public class WebmailAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String LOGIN_CHECK = "/j_security_check";
    static final String HOME = "/mail/inbox.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    MailSettings settings;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<String> https = HttpsOnlyFromOutside.requiredHttps(request, settings);
        if (https.isPresent()) {
            return HttpsOnlyFromOutside.insecure(https.get(), request, response, context);
        }
        if (LOGIN_CHECK.equals(request.getServletPath()) && "POST".equals(request.getMethod())) {
            return login(request, context);
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context) {
        String user = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (user == null || password == null || user.isBlank()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true");
        }
        CredentialValidationResult result =
                identityStores.validate(new UsernamePasswordCredential(user.strip(), password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true");
        }
        // A new session id at login, so a session id planted before it is worth nothing after.
        request.getSession(true);
        request.changeSessionId();
        return context.notifyContainerAboutLogin(result);
    }
}
