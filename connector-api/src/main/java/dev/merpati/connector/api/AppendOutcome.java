package dev.merpati.connector.api;

/**
 * The result of APPEND: the UIDPLUS APPENDUID data, a missing folder, or a full account.
 *
 * @param folderExists {@code false} means NO [TRYCREATE]
 * @param overQuota {@code true} means NO [OVERQUOTA]: nothing was stored
 */
public record AppendOutcome(boolean folderExists, long uidvalidity, long uid, boolean overQuota) {

    public AppendOutcome(boolean folderExists, long uidvalidity, long uid) {
        this(folderExists, uidvalidity, uid, false);
    }

    public static AppendOutcome noFolder() {
        return new AppendOutcome(false, 0, 0);
    }

    public static AppendOutcome overQuotaLimit() {
        return new AppendOutcome(true, 0, 0, true);
    }
}
