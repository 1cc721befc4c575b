package dev.merpati;

import dev.merpati.account.AccountMailboxOwners;
import dev.merpati.account.AccountRepository;
import dev.merpati.account.AccountService;
import dev.merpati.account.AuthCacheHolder;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MailboxListenerContract;
import dev.merpati.mailbox.CallerAccount;
import dev.merpati.mailbox.MailboxRepository;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.MessageAppender;
import dev.merpati.mailbox.Quotas;
import dev.merpati.mailbox.SubscriptionRepository;
import dev.merpati.mailbox.imap.ImapEndpoint;
import dev.merpati.mailbox.imap.ImapFolders;
import dev.merpati.mailbox.imap.ImapMessages;
import dev.merpati.mailbox.imap.ImapOrdering;
import dev.merpati.settings.MailSettings;
import dev.merpati.store.BodyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The IMAP endpoint over the JPA store on H2 keeps the listener contract; each call is one transaction. */
class ImapEndpointContractTest extends MailboxListenerContract {

    private static TestContainer container;
    private static MailboxListener listener;
    private static long account;

    @BeforeAll
    static void start() {
        container = new TestContainer("imap-endpoint-contract");
        container.add(MailSettings.defaults());
        container.add(new AccountRepository());
        container.add(new AccountMailboxOwners());
        container.add(new MailboxRepository());
        container.add(new MessageAppender());
        container.add(new Quotas());
        container.add(new BodyStore());
        container.add(new SubscriptionRepository());
        container.add(new AuthCacheHolder());
        AccountService accounts = container.add(new AccountService());
        container.add(new MailboxStore());
        container.add(new ImapFolders());
        container.add(new ImapMessages());
        container.add(new ImapOrdering());
        container.add(new CallerAccount() {
            @Override
            public long id() {
                return account; // the adapter's caller, as security inflow gives it in the container
            }
        });
        ImapEndpoint endpoint = container.add(new ImapEndpoint());
        container.wire();
        account = container
                .inTransaction(() -> accounts.createAccount("imap@contract.test", "secret-1"))
                .id();
        listener = (MailboxListener) Proxy.newProxyInstance(
                ImapEndpointContractTest.class.getClassLoader(),
                new Class<?>[] {MailboxListener.class},
                (proxy, method, args) -> container.inTransaction(() -> {
                    try {
                        return method.invoke(endpoint, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Override
    protected MailboxListener listener() {
        return listener;
    }
}
