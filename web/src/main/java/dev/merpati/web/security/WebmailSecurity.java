package dev.merpati.web.security;

import dev.merpati.mailbox.MailRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The roles of the webmail; users log in through {@link WebmailAuthentication}. */
@ApplicationScoped
@DeclareRoles(WebmailSecurity.USER_ROLE)
public class WebmailSecurity {

    public static final String USER_ROLE = MailRoles.MAIL_USER;
}
