package dev.merpati.connector.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled outbound connection with no state of its own and no transactions: the adapter's outbound
 * connection definitions (mailbox change signals, the SMTP client) keep nothing between uses, so the
 * pool only hands out and takes back handles.
 *
 * @param <F> the managed connection factory that does the work behind the handles
 */
public final class StatelessManagedConnection<F> implements ManagedConnection {

    private final F factory;
    private final String productName;
    private final Class<?> handleType;
    private final Function<StatelessManagedConnection<F>, ConnectionHandle<F>> newHandle;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandle<F>> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    /**
     * @param productName names the connection in errors and metadata, e.g. "Merpati SMTP client"
     * @param handleType the class of the handles {@code newHandle} makes
     */
    public StatelessManagedConnection(
            F factory,
            String productName,
            Class<? extends ConnectionHandle<F>> handleType,
            Function<StatelessManagedConnection<F>, ConnectionHandle<F>> newHandle) {
        this.factory = factory;
        this.productName = productName;
        this.handleType = handleType;
        this.newHandle = newHandle;
    }

    public F factory() {
        return factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        ConnectionHandle<F> handle = newHandle.apply(this);
        handles.add(handle);
        return handle;
    }

    void closed(ConnectionHandle<F> handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void cleanup() {
        for (ConnectionHandle<F> handle : handles) {
            handle.associate(null);
        }
        handles.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void associateConnection(Object connection) throws ResourceException {
        if (!handleType.isInstance(connection)) {
            throw new ResourceException("not a " + productName + " connection: " + connection);
        }
        ConnectionHandle<F> typed = (ConnectionHandle<F>) connection;
        typed.associate(this);
        handles.add(typed);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException(productName + " is not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException(productName + " is not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return productName;
            }

            @Override
            public String getEISProductVersion() {
                return "0.1";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
