package dev.merpati.admin;

import dev.merpati.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks operators against the mail accounts: the account's password, and its address in the
 * system property {@code merpati.admins} (comma separated); nobody is an admin when it is unset.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @EJB
    private AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .filter(account -> Admins.fromSystemProperty().contains(account.address()))
                .map(account -> new CredentialValidationResult(account.address(), Set.of(AdminSecurity.ADMIN_ROLE)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
