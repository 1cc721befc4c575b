package dev.merpati.mailbox;

/**
 * An account's storage use against its limit, in octets (one quota over all its folders).
 *
 * @param limitBytes 0 when the account has no limit
 */
public record Quota(long usedBytes, long limitBytes) {

    public boolean limited() {
        return limitBytes > 0;
    }

    /** Whether {@code more} octets would take the account past its limit. */
    public boolean exceededBy(long more) {
        return limited() && usedBytes + more > limitBytes;
    }

    /** The share of the limit in use, 0 to 100; 0 without a limit. */
    public int percent() {
        return limited() ? (int) Math.min(100, usedBytes * 100 / limitBytes) : 0;
    }
}
