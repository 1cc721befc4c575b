package dev.merpati.connector.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Calls one method of a listener away from the caller's thread. The protocol servers depend on this
 * and not on JCA, so they run with in-memory listeners in tests and with message endpoints in the
 * resource adapter.
 *
 * @param <L> the listener interface
 */
public interface ListenerInvoker<L> {

    /**
     * Runs {@code call} against a listener on another thread. The future fails with {@link
     * ListenerUnavailableException} when no listener can take the call now.
     */
    <T> CompletableFuture<T> invoke(Function<? super L, ? extends T> call);

    /**
     * This invoker for calls made on behalf of a user who logged in: the listener runs as that caller
     * (its container sees the caller principal and the mail user's role). By default the caller is
     * not passed on.
     *
     * @param caller the caller principal's name: the account's address
     */
    default ListenerInvoker<L> as(String caller) {
        return this;
    }

    /** Whether a listener is there at all; a server may refuse connections while it is not. */
    default boolean available() {
        return true;
    }

    /** Calls {@code listener} on {@code executor}: for tests and embedded use. */
    static <L> ListenerInvoker<L> direct(L listener, Executor executor) {
        return new ListenerInvoker<>() {
            @Override
            public <T> CompletableFuture<T> invoke(Function<? super L, ? extends T> call) {
                return CompletableFuture.supplyAsync(() -> call.apply(listener), executor);
            }
        };
    }
}
