package dev.merpati.inbound;

import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientDsn;
import dev.merpati.pipeline.Cleanup;
import dev.merpati.pipeline.MissingHeaders;
import dev.merpati.queue.QueueEntry;
import dev.merpati.queue.QueueRecipient;
import dev.merpati.queue.QueueRepository;
import dev.merpati.settings.MailSettings;
import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Postfix's smtpd → cleanup hand-over: stores the body and the envelope, runs cleanup on them and
 * queues the entry for the queue manager, all in the caller's transaction, which commits before the
 * SMTP server answers 250. As in Postfix, where smtpd streams the message into cleanup instead of
 * going through the maildrop queue, this saves a JMS hop and a database commit per message.
 */
@ApplicationScoped
public class MailIntake {

    @Inject
    BodyStore bodies;

    @Inject
    QueueRepository queue;

    @Inject
    Cleanup cleanup;

    @Inject
    MailSettings settings;

    /** @return the queue id */
    public String receive(ReceivedMail mail) {
        if (mail.recipients().isEmpty()) {
            throw new IllegalArgumentException("a mail transaction needs at least one recipient");
        }
        Instant receivedAt = Objects.requireNonNullElseGet(mail.receivedAt(), Instant::now);
        BodyChunks.StoredBody body;
        try {
            body = bodies.store(mail.content().openStream(), receivedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the received message", e);
        }
        QueueEntry entry = queue.enqueue(
                new QueueEntry(
                        body.id(),
                        Objects.requireNonNullElse(mail.reversePath(), ""),
                        fit(mail.clientAddress(), 64, ""),
                        fit(mail.clientHostname(), 255, ""),
                        fit(mail.protocol(), 16, "SMTP"),
                        mail.authenticatedUser(),
                        receivedAt),
                mail.recipients());
        keepDsnParameters(entry, mail);
        if (mail.tls() != null) {
            // Like Postfix's smtpd, write the Received header now: the TLS in use is known only here.
            bodies.setPrefix(body.id(), trace(entry, mail).getBytes(StandardCharsets.US_ASCII));
        }
        cleanup.process(entry.getId());
        return entry.getQueueId();
    }

    private String trace(QueueEntry entry, ReceivedMail mail) {
        var trace = new MissingHeaders.Trace(
                entry.getClientHelo(),
                entry.getClientAddress(),
                entry.getProtocol(),
                entry.getQueueId(),
                queue.recipients(entry.getId()).stream()
                        .map(QueueRecipient::getAddress)
                        .toList(),
                entry.getReceivedAt(),
                mail.tls(),
                entry.getAuthenticatedUser());
        return new MissingHeaders(settings.hostname(), ZoneId.systemDefault()).received(trace);
    }

    /** RFC 3461 parameters, for the bounce stage; recipients are looked up only when some have them. */
    private void keepDsnParameters(QueueEntry entry, ReceivedMail mail) {
        entry.requestDsn(mail.dsn().ret(), mail.dsn().envelopeId());
        if (mail.recipientDsn().isEmpty()) {
            return;
        }
        Map<String, RecipientDsn> byAddress = new HashMap<>();
        mail.recipientDsn()
                .forEach((address, dsn) -> byAddress.put(address.strip().toLowerCase(Locale.ROOT), dsn));
        for (QueueRecipient recipient : queue.recipients(entry.getId())) {
            RecipientDsn dsn = byAddress.get(recipient.getAddress().toLowerCase(Locale.ROOT));
            if (dsn != null) {
                recipient.requestDsn(dsn.notifyConditions(), dsn.originalRecipient());
            }
        }
    }

    /** Informational fields are cut to their column width rather than failing the transaction. */
    private static String fit(String value, int width, String fallback) {
        String v = value == null || value.isBlank() ? fallback : value.strip();
        return v.length() > width ? v.substring(0, width) : v;
    }
}
