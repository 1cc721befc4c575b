package dev.merpati.connector.ra;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MaildropListener;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The active message endpoints and the listener interfaces each one implements.
 *
 * <p>One activation spec class serves all three interfaces, so the interface is found from the
 * endpoint itself: from {@link MessageEndpointFactory#getEndpointClass()} (the bean class), or else
 * by creating one endpoint and checking what its proxy implements. When that probe cannot run at
 * activation (bean pool not ready), it is retried on the first lookup.
 */
final class EndpointRegistry {

    static final List<Class<?>> LISTENER_TYPES = List.of(
            MailReceiverListener.class, MaildropListener.class, AuthenticationListener.class, MailboxListener.class);

    private static final System.Logger LOG = System.getLogger(EndpointRegistry.class.getName());

    private final List<Activation> activations = new CopyOnWriteArrayList<>();

    void activate(MessageEndpointFactory factory, ActivationSpec spec) {
        Activation activation = new Activation(factory, spec);
        activation.listeners = fromEndpointClass(factory);
        if (activation.listeners == null) {
            activation.listeners = probe(factory);
        }
        activations.add(activation);
        LOG.log(
                System.Logger.Level.INFO,
                "endpoint activated for " + (activation.listeners == null ? "(not yet known)" : activation.listeners));
    }

    void deactivate(MessageEndpointFactory factory, ActivationSpec spec) {
        activations.removeIf(activation -> activation.factory == factory && activation.spec == spec);
    }

    void clear() {
        activations.clear();
    }

    /** Whether an endpoint is (or may be, not yet probed) there for {@code listenerType}. */
    boolean mayServe(Class<?> listenerType) {
        for (Activation activation : activations) {
            Set<Class<?>> listeners = activation.listeners;
            if (listeners == null || listeners.contains(listenerType)) {
                return true;
            }
        }
        return false;
    }

    /** The factory to create endpoints for {@code listenerType}; may probe, so not on an event loop. */
    Optional<MessageEndpointFactory> factoryFor(Class<?> listenerType) {
        for (Activation activation : activations) {
            if (activation.listeners == null) {
                activation.listeners = probe(activation.factory);
            }
            if (activation.listeners != null && activation.listeners.contains(listenerType)) {
                return Optional.of(activation.factory);
            }
        }
        return Optional.empty();
    }

    private static Set<Class<?>> fromEndpointClass(MessageEndpointFactory factory) {
        Class<?> endpointClass;
        try {
            endpointClass = factory.getEndpointClass();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        if (endpointClass == null) {
            return null;
        }
        Set<Class<?>> listeners = new LinkedHashSet<>();
        for (Class<?> type : LISTENER_TYPES) {
            if (type.isAssignableFrom(endpointClass)) {
                listeners.add(type);
            }
        }
        return listeners.isEmpty() ? null : Set.copyOf(listeners);
    }

    private static Set<Class<?>> probe(MessageEndpointFactory factory) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot probe endpoint yet", e);
            return null;
        }
        try {
            Set<Class<?>> listeners = new LinkedHashSet<>();
            for (Class<?> type : LISTENER_TYPES) {
                if (type.isInstance(endpoint)) {
                    listeners.add(type);
                }
            }
            return Set.copyOf(listeners);
        } finally {
            endpoint.release();
        }
    }

    private static final class Activation {
        final MessageEndpointFactory factory;
        final ActivationSpec spec;
        volatile Set<Class<?>> listeners;

        Activation(MessageEndpointFactory factory, ActivationSpec spec) {
            this.factory = factory;
            this.spec = spec;
        }
    }
}
