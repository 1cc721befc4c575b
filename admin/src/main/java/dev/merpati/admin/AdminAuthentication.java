package dev.merpati.admin;

import dev.merpati.account.AccountRef;
import dev.merpati.account.AccountService;
import dev.merpati.settings.MailSettings;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP BASIC for the admin API: the caller must be a mail account (its password) listed in {@link
 * MailSettings#admins()} (property {@value MailSettings#ADMINS}); it then has the role {@value
 * #ADMIN_ROLE}. A CDI bean, so that it can inject the settings. Done here
 * rather than with a Jakarta Security mechanism because Soteria applies an authentication
 * mechanism to every module of the EAR, and the webmail uses FORM login.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

    public static final String ADMIN_ROLE = "mailadmin";
    static final String CHALLENGE = "Basic realm=\"Merpati admin\", charset=\"UTF-8\"";

    @EJB
    private AccountService accounts;

    @Inject
    MailSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<AccountRef> admin = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> accounts.authenticate(c[0], c[1]))
                .filter(account -> settings.admins().contains(account.address()));
        if (admin.isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("admin credentials required\n")
                    .build());
            return;
        }
        String name = admin.get().address();
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return ADMIN_ROLE.equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
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
