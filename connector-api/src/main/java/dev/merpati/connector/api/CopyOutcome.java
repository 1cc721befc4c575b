package dev.merpati.connector.api;

import java.util.List;

/**
 * The result of COPY/MOVE: the UIDPLUS COPYUID data, a missing target, or a full account.
 *
 * @param targetExists {@code false} means NO [TRYCREATE]
 * @param sourceUids the UIDs copied, ascending
 * @param targetUids their new UIDs in the target, in the same order
 * @param overQuota {@code true} means NO [OVERQUOTA]: nothing was copied
 */
public record CopyOutcome(
        boolean targetExists, long targetUidvalidity, List<Long> sourceUids, List<Long> targetUids, boolean overQuota) {

    public CopyOutcome {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }

    public CopyOutcome(boolean targetExists, long targetUidvalidity, List<Long> sourceUids, List<Long> targetUids) {
        this(targetExists, targetUidvalidity, sourceUids, targetUids, false);
    }

    public static CopyOutcome noTarget() {
        return new CopyOutcome(false, 0, List.of(), List.of());
    }

    public static CopyOutcome overQuotaLimit() {
        return new CopyOutcome(true, 0, List.of(), List.of(), true);
    }
}
