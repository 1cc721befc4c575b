package dev.merpati.web.security;

import dev.merpati.account.AccountRef;
import dev.merpati.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/** The logged-in user's account, looked up once per HTTP session. */
@Named
@SessionScoped
public class CurrentAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SecurityContext securityContext;

    @EJB
    private transient AccountService accounts;

    private AccountRef account;

    public AccountRef get() {
        if (account == null) {
            String address = securityContext.getCallerPrincipal().getName();
            account = accounts.findAccount(address)
                    .orElseThrow(() -> new IllegalStateException("no account for " + address));
        }
        return account;
    }

    public String getAddress() {
        return get().address();
    }
}
