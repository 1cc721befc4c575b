package dev.merpati.web.security;

import dev.merpati.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks webmail logins against the mail accounts; the caller's name is the account's address. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    private AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(account -> new CredentialValidationResult(account.address(), Set.of(WebmailSecurity.USER_ROLE)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
