package dev.merpati.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the accounts listed in the system property {@code merpati.demo.accounts}
 * ({@code alice@merpati.test:alice-secret,bob@merpati.test:bob-secret}) when they are missing.
 * The property is absent in production.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoAccounts {

    static final String PROPERTY = "merpati.demo.accounts";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @Inject
    AccountService accountService;

    /** Each account in its own transaction, so one bad entry neither blocks the others nor the deployment. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createMissing() {
        Map<String, String> wanted = parse(System.getProperty(PROPERTY, ""));
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            try {
                if (accountService.findAccount(entry.getKey()).isEmpty()) {
                    accountService.createAccount(entry.getKey(), entry.getValue());
                    LOG.info(() -> "Created demo account " + entry.getKey());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot create demo account " + entry.getKey(), e);
            }
        }
    }

    /** {@code address:password} pairs separated by commas; the password is everything after the first colon. */
    static Map<String, String> parse(String value) {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            int colon = item.indexOf(':');
            if (colon > 0 && colon < item.length() - 1) {
                accounts.put(item.substring(0, colon).strip(), item.substring(colon + 1));
            } else if (!item.isBlank()) {
                LOG.warning(() -> "Ignoring malformed entry of " + PROPERTY + ": " + item.strip());
            }
        }
        return accounts;
    }
}
