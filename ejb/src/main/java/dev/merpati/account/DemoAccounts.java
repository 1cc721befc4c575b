package dev.merpati.account;

import dev.merpati.settings.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the accounts of {@link MailSettings#demoAccounts()} (property {@value
 * MailSettings#DEMO_ACCOUNTS}, e.g. {@code alice@merpati.test:alice-secret,bob@merpati.test:bob-secret})
 * when they are missing. The property is absent in production.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @Inject
    AccountService accountService;

    @Inject
    MailSettings settings;

    /** Each account in its own transaction, so one bad entry neither blocks the others nor the deployment. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createMissing() {
        for (Map.Entry<String, String> entry : settings.demoAccounts().entrySet()) {
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
}
