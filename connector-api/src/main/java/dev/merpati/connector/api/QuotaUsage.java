package dev.merpati.connector.api;

/**
 * An account's storage quota (RFC 9208 resource STORAGE), in octets.
 *
 * @param limitBytes 0 when the account has no limit
 */
public record QuotaUsage(long usedBytes, long limitBytes) {

    public boolean limited() {
        return limitBytes > 0;
    }

    /** Whether {@code more} octets would take the account past its limit. */
    public boolean exceededBy(long more) {
        return limited() && usedBytes + more > limitBytes;
    }
}
