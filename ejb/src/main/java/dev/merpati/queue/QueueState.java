package dev.merpati.queue;

/** Where a queue entry is, named after Postfix's queues. */
public enum QueueState {
    /** Stored by the SMTP receiver, waiting for cleanup. */
    MAILDROP,
    /** Cleaned up, waiting for the queue manager. */
    INCOMING,
    /** Recipients handed to delivery agents; some not finished yet. */
    ACTIVE,
    /** Every recipient delivered or bounced. */
    DONE,
    /** Set aside for the operator (corrupt or held message). */
    HELD
}
