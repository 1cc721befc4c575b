package dev.merpati.connector.smtp;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.ReceivedMail;
import dev.merpati.connector.api.RecipientCheck;
import dev.merpati.connector.api.RecipientVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory receiver: recipients starting with "unknown" are unknown users, "remote" ones are
 * relay denied, "broken" ones make the check throw; everything else is accepted. Senders in
 * {@link #aliasOwners} belong to the account given there; a sender starting with "broken" makes the
 * sender check throw.
 */
final class FakeMailReceiver implements MailReceiverListener {

    record Stored(ReceivedMail mail, byte[] content) {}

    final List<RecipientCheck> checks = new CopyOnWriteArrayList<>();
    final List<Stored> stored = new CopyOnWriteArrayList<>();
    final Map<String, Long> aliasOwners = new ConcurrentHashMap<>();
    private final AtomicInteger queueIds = new AtomicInteger();
    volatile boolean failReceive;
    volatile long delayMillis;

    @Override
    public RecipientVerdict checkRecipient(RecipientCheck check) {
        pause();
        checks.add(check);
        String recipient = check.recipient();
        if (recipient.startsWith("unknown")) {
            return RecipientVerdict.UNKNOWN_USER;
        }
        if (recipient.startsWith("remote")) {
            return RecipientVerdict.RELAY_DENIED;
        }
        if (recipient.startsWith("broken")) {
            throw new IllegalStateException("database down");
        }
        return RecipientVerdict.ACCEPTED;
    }

    @Override
    public String receive(ReceivedMail mail) {
        pause();
        if (failReceive) {
            throw new IllegalStateException("cannot store");
        }
        try (InputStream in = mail.content().openStream()) {
            stored.add(new Stored(mail, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "Q" + queueIds.incrementAndGet();
    }

    @Override
    public boolean senderOwnedBy(String sender, long accountId) {
        if (sender.startsWith("broken")) {
            throw new IllegalStateException("database down");
        }
        return Long.valueOf(accountId).equals(aliasOwners.get(sender.toLowerCase(java.util.Locale.ROOT)));
    }

    String content(int index) {
        return new String(stored.get(index).content(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
