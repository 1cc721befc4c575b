package dev.merpati.admin;

import dev.merpati.account.AccountRef;
import dev.merpati.account.AccountService;
import dev.merpati.mailbox.MailRoles;
import dev.merpati.settings.HttpsOnlyFromOutside;
import dev.merpati.settings.MailSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP BASIC for the admin API, as a Jakarta Security mechanism: the caller must be a mail account
 * (its password) listed in {@link MailSettings#admins()} (property {@value MailSettings#ADMINS});
 * the container then knows it as that account, in the roles {@value MailRoles#MAIL_ADMIN} and
 * {@value MailRoles#MAIL_USER}, and the constraint in web.xml lets only {@value MailRoles#MAIL_ADMIN}
 * reach the API. Every request carries its credentials (no session).
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"Merpati admin\", charset=\"UTF-8\"";

    @EJB
    private AccountService accounts;

    @Inject
    MailSettings settings;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<String> https = HttpsOnlyFromOutside.requiredHttps(request, settings);
        if (https.isPresent()) {
            return HttpsOnlyFromOutside.insecure(https.get(), request, response, context);
        }
        Optional<AccountRef> admin = credentials(request.getHeader("Authorization"))
                .flatMap(c -> accounts.authenticate(c[0], c[1]))
                .filter(account -> settings.admins().contains(account.address()));
        if (admin.isPresent()) {
            return context.notifyContainerAboutLogin(
                    admin.get().address(), Set.of(MailRoles.MAIL_ADMIN, MailRoles.MAIL_USER));
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /** {@code [user, password]} from a BASIC Authorization header. */
    static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
