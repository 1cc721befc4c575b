package dev.merpati.connector.net;

import dev.merpati.connector.spi.ListenerInvoker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A {@link ListenerInvoker} whose futures complete on a connection's event loop, so that what a
 * command does with a listener's answer (update the session, write the reply) runs on the loop that
 * owns the connection.
 */
public final class LoopBoundInvoker<L> {

    private final ListenerInvoker<L> invoker;
    private final Executor eventLoop;

    public LoopBoundInvoker(ListenerInvoker<L> invoker, Executor eventLoop) {
        this.invoker = invoker;
        this.eventLoop = eventLoop;
    }

    public <T> CompletableFuture<T> call(Function<? super L, ? extends T> call) {
        CompletableFuture<T> onLoop = new CompletableFuture<>();
        CompletableFuture<T> remote;
        try {
            remote = invoker.invoke(call);
        } catch (RuntimeException e) {
            remote = CompletableFuture.failedFuture(e);
        }
        remote.whenComplete((value, error) -> eventLoop.execute(() -> {
            if (error == null) {
                onLoop.complete(value);
            } else {
                onLoop.completeExceptionally(unwrap(error));
            }
        }));
        return onLoop;
    }

    /** This invoker for calls on behalf of a user who logged in (see {@link ListenerInvoker#as}). */
    public LoopBoundInvoker<L> as(String caller) {
        return new LoopBoundInvoker<>(invoker.as(caller), eventLoop);
    }

    public boolean available() {
        return invoker.available();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }
}
