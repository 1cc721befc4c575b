package dev.merpati.testkit;

/**
 * The two demo accounts a Merpati domain is made with (DEMO_ACCOUNTS in ./merpati and
 * server/scripts/it-domain.sh); alice is also an admin of the integration-test domain.
 */
public final class DemoAccounts {

    public static final String DOMAIN = "merpati.test";
    public static final String ALICE = "alice@" + DOMAIN;
    public static final String ALICE_PASSWORD = "alice-secret";
    public static final String BOB = "bob@" + DOMAIN;
    public static final String BOB_PASSWORD = "bob-secret";

    private DemoAccounts() {}
}
