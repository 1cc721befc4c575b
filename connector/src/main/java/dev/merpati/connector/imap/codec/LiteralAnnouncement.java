package dev.merpati.connector.imap.codec;

/**
 * The {@code {n}} (synchronizing) or {@code {n+}} (non-synchronizing, LITERAL+) at the end of a
 * line piece.
 *
 * @param size the announced octets; {@link #TOO_BIG} when it does not fit a long
 */
public record LiteralAnnouncement(long size, boolean synchronizing, int start) {

    public static final long TOO_BIG = Long.MAX_VALUE;

    /** The announcement that ends {@code line}, or {@code null} when the line does not end with one. */
    public static LiteralAnnouncement at(String line) {
        if (!line.endsWith("}")) {
            return null;
        }
        int open = line.lastIndexOf('{');
        if (open < 0) {
            return null;
        }
        int end = line.length() - 1;
        boolean sync = true;
        if (end > open + 1 && (line.charAt(end - 1) == '+' || line.charAt(end - 1) == '-')) {
            sync = false;
            end--;
        }
        if (end == open + 1 || end - open - 1 > 40) {
            return null;
        }
        long size = 0;
        for (int i = open + 1; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            size = size > (Long.MAX_VALUE - 9) / 10 ? TOO_BIG : size * 10 + (c - '0');
        }
        return new LiteralAnnouncement(size, sync, open);
    }
}
