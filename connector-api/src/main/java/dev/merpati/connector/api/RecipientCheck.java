package dev.merpati.connector.api;

/**
 * A recipient to check, with what is known of the session that offers it.
 *
 * @param recipient the forward-path without angle brackets, e.g. {@code bob@example.org}
 * @param reversePath the sender given in MAIL FROM, empty for the null sender
 * @param clientAddress the client's IP address
 * @param authenticatedUser the SMTP AUTH identity, or {@code null}
 * @param relayAllowed whether this client may send to domains that are not ours: it is in the
 *     operator's relay networks or has authenticated (Postfix's permit_mynetworks,
 *     permit_sasl_authenticated)
 */
public record RecipientCheck(
        String recipient, String reversePath, String clientAddress, String authenticatedUser, boolean relayAllowed) {}
