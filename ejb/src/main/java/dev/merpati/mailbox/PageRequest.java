package dev.merpati.mailbox;

/**
 * Which page of a folder's message list: ordered by {@code sort}, skipping {@code offset} lines,
 * at most {@code limit} lines (1 to {@value #MAX_LIMIT}).
 */
public record PageRequest(SortKey sort, boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (sort == null) {
            throw new IllegalArgumentException("no sort key");
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
    }

    /** The newest first, as mail clients open a folder. */
    public static PageRequest newestFirst(int offset, int limit) {
        return new PageRequest(SortKey.DATE, true, offset, limit);
    }
}
