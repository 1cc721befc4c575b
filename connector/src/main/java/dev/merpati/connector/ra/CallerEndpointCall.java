package dev.merpati.connector.ra;

import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A listener call made for a user who logged in: the work carries a {@link CallerSecurityContext},
 * so the container runs the endpoint as that caller.
 */
final class CallerEndpointCall<L, T> extends EndpointCall<L, T> implements WorkContextProvider {

    private final String caller;

    CallerEndpointCall(
            Class<L> listenerType,
            EndpointRegistry registry,
            Function<? super L, ? extends T> call,
            CompletableFuture<T> result,
            String caller) {
        super(listenerType, registry, call, result);
        this.caller = caller;
    }

    @Override
    public List<WorkContext> getWorkContexts() {
        return List.of(new CallerSecurityContext(caller));
    }
}
