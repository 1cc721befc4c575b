package dev.merpati.connector.ra;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MaildropListener;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Activates a message-driven bean for one of the listener interfaces. It has no properties yet: the
 * interface the bean implements decides which calls it receives.
 */
@Activation(
        messageListeners = {
            MailReceiverListener.class,
            MaildropListener.class,
            AuthenticationListener.class,
            MailboxListener.class
        })
public class MerpatiActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // No properties to check.
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }
}
