package dev.merpati.connector.ra;

/**
 * The application's side of an outbound connection of the adapter. It holds no resource of its own:
 * every call goes to the managed connection factory {@code F}; {@link #close} hands the managed
 * connection back to Payara's pool.
 */
public abstract class ConnectionHandle<F> implements AutoCloseable {

    private volatile StatelessManagedConnection<F> managed;

    protected ConnectionHandle(StatelessManagedConnection<F> managed) {
        this.managed = managed;
    }

    void associate(StatelessManagedConnection<F> managed) {
        this.managed = managed;
    }

    /** The factory behind this handle; fails once the handle is closed. */
    protected final F factory() {
        StatelessManagedConnection<F> current = managed;
        if (current == null) {
            throw new IllegalStateException("connection closed");
        }
        return current.factory();
    }

    @Override
    public void close() {
        StatelessManagedConnection<F> current = managed;
        managed = null;
        if (current != null) {
            current.closed(this);
        }
    }
}
