package dev.merpati.queue;

import java.time.Instant;
import java.util.List;

/** One queue entry as mailq shows it. */
public record QueueListing(
        String queueId,
        long size,
        Instant arrival,
        String sender,
        String state,
        int attempts,
        String lastError,
        Instant nextAttempt,
        List<Recipient> recipients) {

    public record Recipient(String address, String state, String lastError, String originalRecipient) {}
}
