package dev.merpati.web.security;

import dev.merpati.mailbox.MailRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Webmail users log in with their mail address (or bare user name) and password, as in SquirrelMail. */
@ApplicationScoped
@DeclareRoles(WebmailSecurity.USER_ROLE)
@FormAuthenticationMechanismDefinition(
        loginToContinue =
                @LoginToContinue(
                        loginPage = "/login.xhtml",
                        errorPage = "/login.xhtml?failed=true",
                        useForwardToLogin = false))
public class WebmailSecurity {

    public static final String USER_ROLE = MailRoles.MAIL_USER;
}
