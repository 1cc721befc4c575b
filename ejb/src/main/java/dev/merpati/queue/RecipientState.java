package dev.merpati.queue;

public enum RecipientState {
    PENDING,
    DELIVERED,
    /** Not delivered yet, to be retried. */
    DEFERRED,
    /** Failed for good; a DSN is owed to the sender. */
    BOUNCED,
    /** An alias or forwarding address: its destinations are recipients of their own. */
    EXPANDED;

    /** Whether the entry still has work for this recipient. */
    public boolean unfinished() {
        return this == PENDING || this == DEFERRED;
    }
}
