package dev.merpati.connector.ra;

import dev.merpati.connector.spi.ListenerInvoker;
import dev.merpati.connector.spi.ListenerUnavailableException;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Calls a listener method on a message endpoint, as work on the adapter's {@link WorkManager}, never
 * on the calling (event-loop) thread. Each call is its own container-managed transaction.
 */
final class EndpointInvoker<L> implements ListenerInvoker<L> {

    private final Class<L> listenerType;
    private final EndpointRegistry registry;
    private final WorkManager workManager;
    /** The user the calls are made for, or {@code null} before a login. */
    private final String caller;

    EndpointInvoker(Class<L> listenerType, EndpointRegistry registry, WorkManager workManager) {
        this(listenerType, registry, workManager, null);
    }

    private EndpointInvoker(Class<L> listenerType, EndpointRegistry registry, WorkManager workManager, String caller) {
        this.listenerType = listenerType;
        this.registry = registry;
        this.workManager = workManager;
        this.caller = caller;
    }

    /** Calls through this invoker run as {@code caller}, through JCA security inflow. */
    @Override
    public ListenerInvoker<L> as(String caller) {
        return new EndpointInvoker<>(listenerType, registry, workManager, caller);
    }

    @Override
    public <T> CompletableFuture<T> invoke(Function<? super L, ? extends T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!registry.mayServe(listenerType)) {
            result.completeExceptionally(
                    new ListenerUnavailableException("no endpoint active for " + listenerType.getSimpleName()));
            return result;
        }
        try {
            workManager.scheduleWork(
                    caller == null
                            ? new EndpointCall<>(listenerType, registry, call, result)
                            : new CallerEndpointCall<>(listenerType, registry, call, result, caller),
                    WorkManager.INDEFINITE,
                    null,
                    new WorkAdapter() {
                        @Override
                        public void workRejected(WorkEvent event) {
                            result.completeExceptionally(
                                    new ListenerUnavailableException("work rejected", event.getException()));
                        }
                    });
        } catch (WorkException e) {
            result.completeExceptionally(new ListenerUnavailableException("work rejected", e));
        }
        return result;
    }

    @Override
    public boolean available() {
        return registry.mayServe(listenerType);
    }
}
