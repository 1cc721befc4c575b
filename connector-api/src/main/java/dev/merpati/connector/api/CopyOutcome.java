package dev.merpati.connector.api;

import java.util.List;

/**
 * The result of COPY/MOVE: the UIDPLUS COPYUID data, or a missing target.
 *
 * @param targetExists {@code false} means NO [TRYCREATE]
 * @param sourceUids the UIDs copied, ascending
 * @param targetUids their new UIDs in the target, in the same order
 */
public record CopyOutcome(boolean targetExists, long targetUidvalidity, List<Long> sourceUids, List<Long> targetUids) {

    public CopyOutcome {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }

    public static CopyOutcome noTarget() {
        return new CopyOutcome(false, 0, List.of(), List.of());
    }
}
