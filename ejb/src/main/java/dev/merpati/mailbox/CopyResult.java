package dev.merpati.mailbox;

import java.util.List;

/**
 * What a copy or move did.
 *
 * @param sourceUids the UIDs copied, ascending
 * @param targetUids their UIDs in the target, in the same order
 */
public record CopyResult(Status status, long targetUidValidity, List<Long> sourceUids, List<Long> targetUids) {

    public enum Status {
        DONE,
        /** The source or the target folder is not there. */
        NO_SUCH_FOLDER,
        /** The copies would take the account over its quota: nothing was copied. */
        OVER_QUOTA
    }

    public CopyResult {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }

    static CopyResult of(Status status) {
        return new CopyResult(status, 0, List.of(), List.of());
    }
}
