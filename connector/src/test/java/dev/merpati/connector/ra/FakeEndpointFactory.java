package dev.merpati.connector.ra;

import dev.merpati.connector.api.RecipientVerdict;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;

/**
 * Endpoints are proxies implementing MessageEndpoint and one listener interface; String methods return "endpoint-result",
 * checkRecipient ACCEPTED, others null. The first {@code busyAttempts} creations fail as an exhausted
 * bean pool does.
 */
final class FakeEndpointFactory implements MessageEndpointFactory {
    final Class<?> endpointClass;
    final Class<?> listener;
    final int busyAttempts;
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();

    FakeEndpointFactory(Class<?> endpointClass, Class<?> listener, int busyAttempts) {
        this.endpointClass = endpointClass;
        this.listener = listener;
        this.busyAttempts = busyAttempts;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (attempts.incrementAndGet() <= busyAttempts) {
            throw new UnavailableException("pool exhausted");
        }
        created.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, listener},
                (proxy, method, args) -> {
                    if (method.getName().equals("release")) {
                        released.incrementAndGet();
                        return null;
                    }
                    if (method.getDeclaringClass() == listener) {
                        return method.getReturnType() == String.class
                                ? "endpoint-result"
                                : method.getReturnType() == RecipientVerdict.class ? RecipientVerdict.ACCEPTED : null;
                    }
                    return null;
                });
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return true;
    }

    @Override
    public String getActivationName() {
        return "test";
    }

    @Override
    public Class<?> getEndpointClass() {
        return endpointClass;
    }

    static WorkManager workManager(ExecutorService threads) {
        return (WorkManager) Proxy.newProxyInstance(
                FakeEndpointFactory.class.getClassLoader(),
                new Class<?>[] {WorkManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("scheduleWork")) {
                        threads.execute((Work) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
