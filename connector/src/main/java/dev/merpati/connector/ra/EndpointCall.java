package dev.merpati.connector.ra;

import dev.merpati.connector.spi.ListenerUnavailableException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One listener call as JCA work: create an endpoint, call it, release it. No beforeDelivery /
 * afterDelivery: without them every method call runs in its own container-managed transaction.
 *
 * <p>When the bean pool is exhausted, {@code createEndpoint} fails at once with {@link
 * UnavailableException}; the call then waits and retries (50 ms, doubling) for up to {@link
 * #MAX_WAIT} before failing, so a burst is absorbed and the client gets a temporary failure only
 * when the pool stays full.
 */
class EndpointCall<L, T> implements Work {

    private static final System.Logger LOG = System.getLogger(EndpointCall.class.getName());
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long FIRST_DELAY_MILLIS = 50;
    private static final long MAX_DELAY_MILLIS = 1000;

    private final Class<L> listenerType;
    private final EndpointRegistry registry;
    private final Function<? super L, ? extends T> call;
    private final CompletableFuture<T> result;
    private volatile boolean released;

    EndpointCall(
            Class<L> listenerType,
            EndpointRegistry registry,
            Function<? super L, ? extends T> call,
            CompletableFuture<T> result) {
        this.listenerType = listenerType;
        this.registry = registry;
        this.call = call;
        this.result = result;
    }

    @Override
    public void run() {
        MessageEndpoint endpoint;
        try {
            endpoint = createEndpoint();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            result.completeExceptionally(e);
            return;
        }
        T value = null;
        Throwable failure = null;
        try {
            value = call.apply(listenerType.cast(endpoint));
        } catch (Throwable t) {
            failure = t;
        } finally {
            release(endpoint);
        }
        // Completed only after release, so the next command of the session finds the bean back in the pool.
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    private static void release(MessageEndpoint endpoint) {
        try {
            endpoint.release();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot release message endpoint", e);
        }
    }

    /** The container asks the work to end: stop retrying. */
    @Override
    public void release() {
        released = true;
    }

    private MessageEndpoint createEndpoint() throws Exception {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long delay = FIRST_DELAY_MILLIS;
        while (true) {
            MessageEndpointFactory factory = registry.factoryFor(listenerType)
                    .orElseThrow(() ->
                            new ListenerUnavailableException("no endpoint active for " + listenerType.getSimpleName()));
            try {
                return factory.createEndpoint(null);
            } catch (UnavailableException e) {
                long remaining = deadline - System.nanoTime();
                if (released || remaining <= 0) {
                    throw new ListenerUnavailableException(
                            listenerType.getSimpleName() + " endpoints busy for " + MAX_WAIT.toSeconds() + " s", e);
                }
                Thread.sleep(Math.min(delay, Duration.ofNanos(remaining).toMillis() + 1));
                delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
            }
        }
    }
}
