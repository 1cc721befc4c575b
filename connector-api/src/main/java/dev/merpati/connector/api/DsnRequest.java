package dev.merpati.connector.api;

/**
 * What the sender asked for in MAIL FROM about delivery status notifications (RFC 3461 §4.3, §4.4).
 *
 * @param ret {@code FULL} or {@code HDRS}: how much of the message a DSN returns; {@code null} when
 *     not given
 * @param envelopeId the ENVID, still in xtext encoding as received; {@code null} when not given
 */
public record DsnRequest(String ret, String envelopeId) {

    public static final DsnRequest NONE = new DsnRequest(null, null);
}
