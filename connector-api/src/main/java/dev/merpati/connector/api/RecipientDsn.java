package dev.merpati.connector.api;

/**
 * What the sender asked for in one RCPT TO about delivery status notifications (RFC 3461 §4.1, §4.2).
 *
 * @param notifyConditions the NOTIFY value: {@code NEVER}, or a comma-separated list of {@code SUCCESS}, {@code FAILURE},
 *     {@code DELAY}, upper-cased; {@code null} when not given (the default: failures and delays)
 * @param originalRecipient the ORCPT value, {@code addr-type;xtext} as received (e.g.
 *     {@code rfc822;bob@example.org}); {@code null} when not given
 */
public record RecipientDsn(String notifyConditions, String originalRecipient) {}
