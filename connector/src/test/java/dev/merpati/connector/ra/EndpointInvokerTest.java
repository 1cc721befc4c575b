package dev.merpati.connector.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import dev.merpati.connector.spi.ListenerUnavailableException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointInvokerTest {

    private final ExecutorService workThreads = Executors.newCachedThreadPool();
    private final WorkManager workManager = FakeEndpointFactory.workManager(workThreads);
    private final EndpointRegistry registry = new EndpointRegistry();

    @AfterEach
    void tearDown() {
        workThreads.shutdownNow();
    }

    /** A bean class as Payara's getEndpointClass() reports it. */
    static class ReceiverBean implements MailReceiverListener {
        @Override
        public RecipientVerdict checkRecipient(RecipientCheck check) {
            return RecipientVerdict.ACCEPTED;
        }

        @Override
        public String receive(ReceivedMail mail) {
            return "Q1";
        }
    }

    @Test
    void callsTheEndpointOnAWorkThreadAndReleasesIt() throws Exception {
        var factory = new FakeEndpointFactory(ReceiverBean.class, MailReceiverListener.class, 0);
        registry.activate(factory, new MerpatiActivationSpec());
        var invoker = new EndpointInvoker<>(MailReceiverListener.class, registry, workManager);
        AtomicReference<Thread> callingThread = new AtomicReference<>();

        String result = invoker.invoke(listener -> {
                    callingThread.set(Thread.currentThread());
                    return listener.receive(null);
                })
                .get(5, TimeUnit.SECONDS);

        assertEquals("endpoint-result", result);
        assertNotEquals(Thread.currentThread(), callingThread.get());
        assertEquals(1, factory.created.get());
        assertEquals(1, factory.released.get());
    }

    @Test
    void callsForALoggedInUserCarryTheCallerToTheContainer() throws Exception {
        var factory = new FakeEndpointFactory(ReceiverBean.class, MailReceiverListener.class, 0);
        registry.activate(factory, new MerpatiActivationSpec());
        java.util.List<jakarta.resource.spi.work.Work> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkManager recording = (WorkManager) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    scheduled.add((jakarta.resource.spi.work.Work) args[0]);
                    return workManager
                            .getClass()
                            .getMethod(method.getName(), method.getParameterTypes())
                            .invoke(workManager, args);
                });
        var anonymous = new EndpointInvoker<>(MailReceiverListener.class, registry, recording);
        var asBob = anonymous.as("bob@merpati.test");

        assertEquals("endpoint-result", anonymous.invoke(l -> l.receive(null)).get(5, TimeUnit.SECONDS));
        assertEquals("endpoint-result", asBob.invoke(l -> l.receive(null)).get(5, TimeUnit.SECONDS));

        assertFalse(scheduled.get(0) instanceof jakarta.resource.spi.work.WorkContextProvider, "no login, no caller");
        var contexts = ((jakarta.resource.spi.work.WorkContextProvider) scheduled.get(1)).getWorkContexts();
        assertEquals(1, contexts.size());
        var security = (jakarta.resource.spi.work.SecurityContext) contexts.get(0);
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        AtomicReference<String> caller = new AtomicReference<>();
        AtomicReference<String[]> groups = new AtomicReference<>();
        security.setupSecurityContext(
                callbacks -> {
                    for (var callback : callbacks) {
                        if (callback instanceof jakarta.security.auth.message.callback.CallerPrincipalCallback c) {
                            assertTrue(c.getSubject() == subject);
                            caller.set(c.getName());
                        } else if (callback
                                instanceof jakarta.security.auth.message.callback.GroupPrincipalCallback g) {
                            groups.set(g.getGroups());
                        }
                    }
                },
                subject,
                null);
        assertEquals("bob@merpati.test", caller.get());
        assertEquals(java.util.List.of("mailuser"), java.util.List.of(groups.get()));
    }

    @Test
    void retriesWhileTheBeanPoolIsExhausted() throws Exception {
        var factory = new FakeEndpointFactory(ReceiverBean.class, MailReceiverListener.class, 3);
        registry.activate(factory, new MerpatiActivationSpec());
        var invoker = new EndpointInvoker<>(MailReceiverListener.class, registry, workManager);

        assertEquals("endpoint-result", invoker.invoke(l -> l.receive(null)).get(5, TimeUnit.SECONDS));
        assertEquals(4, factory.attempts.get());
        assertEquals(1, factory.released.get());
    }

    @Test
    void releasesTheEndpointWhenTheCallThrows() {
        var factory = new FakeEndpointFactory(ReceiverBean.class, MailReceiverListener.class, 0);
        registry.activate(factory, new MerpatiActivationSpec());
        var invoker = new EndpointInvoker<>(MailReceiverListener.class, registry, workManager);

        var future = invoker.invoke(listener -> {
            throw new IllegalStateException("rollback");
        });

        var error = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertEquals(1, factory.released.get());
    }

    @Test
    void failsAtOnceWithoutAnActiveEndpoint() {
        var invoker = new EndpointInvoker<>(MaildropListener.class, registry, workManager);
        registry.activate(
                new FakeEndpointFactory(ReceiverBean.class, MailReceiverListener.class, 0),
                new MerpatiActivationSpec());

        assertFalse(invoker.available());
        var error = assertThrows(
                ExecutionException.class, () -> invoker.invoke(l -> l.list()).get(1, TimeUnit.SECONDS));
        assertInstanceOf(ListenerUnavailableException.class, error.getCause());
    }

    @Test
    void findsTheListenerByProbingWhenTheEndpointClassSaysNothing() throws Exception {
        var factory = new FakeEndpointFactory(null, AuthenticationListener.class, 0);
        var spec = new MerpatiActivationSpec();
        registry.activate(factory, spec);
        var invoker = new EndpointInvoker<>(AuthenticationListener.class, registry, workManager);

        assertTrue(invoker.available());
        assertFalse(new EndpointInvoker<>(MailReceiverListener.class, registry, workManager).available());
        assertNull(invoker.invoke(l -> l.authenticate("a", "b")).get(5, TimeUnit.SECONDS));
        assertEquals(2, factory.created.get(), "one endpoint for the probe, one for the call");
        assertEquals(2, factory.released.get());

        registry.deactivate(factory, spec);
        assertFalse(invoker.available());
    }
}
