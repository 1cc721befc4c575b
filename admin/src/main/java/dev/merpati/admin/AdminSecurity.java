package dev.merpati.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** Operators authenticate with HTTP BASIC as a mail account listed in {@code merpati.admins}. */
@ApplicationScoped
@DeclareRoles(AdminSecurity.ADMIN_ROLE)
@BasicAuthenticationMechanismDefinition(realmName = "Merpati admin")
public class AdminSecurity {

    public static final String ADMIN_ROLE = "mailadmin";
}
