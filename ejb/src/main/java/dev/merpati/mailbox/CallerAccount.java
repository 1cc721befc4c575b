package dev.merpati.mailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The account of the container's caller, for the POP3 and IMAP endpoints: the adapter runs their
 * calls as the user who logged in (JCA security inflow), and the container checks the mail user role
 * here, on every call, before any mail is reached.
 */
@Stateless
@DeclareRoles(MailRoles.MAIL_USER)
@RolesAllowed(MailRoles.MAIL_USER)
public class CallerAccount {

    @Resource
    SessionContext session;

    @Inject
    MailboxOwners owners;

    /**
     * Runs in the caller's transaction if there is one, and in none otherwise: IMAP's body reads
     * (one call per 256 KiB) stay without a transaction.
     *
     * @throws EJBAccessException when the caller has no mail account
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long id() {
        String caller = session.getCallerPrincipal().getName();
        return owners.accountOf(caller).orElseThrow(() -> new EJBAccessException("no mail account for " + caller));
    }
}
