package dev.merpati.connector.imap.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence set ({@code 1,3:5,7:*}) as ranges, where {@code *} stands for the largest number in
 * use. Parsed without expanding, so {@code 1:4294967295} costs nothing until it is resolved against a
 * mailbox.
 */
public final class SequenceSet {

    /** The largest number a sequence set may hold (RFC 3501 nz-number). */
    static final long MAX = 0xFFFF_FFFFL;

    private static final long STAR = -1;
    private static final int MAX_RANGES = 10_000;

    private final List<long[]> ranges;
    private final boolean saved;

    private SequenceSet(List<long[]> ranges, boolean saved) {
        this.ranges = ranges;
        this.saved = saved;
    }

    public static SequenceSet parse(String text) throws ImapSyntaxException {
        if (text.equals("$")) {
            return new SequenceSet(List.of(), true);
        }
        if (text.isEmpty()) {
            throw new ImapSyntaxException("expected a sequence set");
        }
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (ranges.size() >= MAX_RANGES) {
                throw new ImapSyntaxException("sequence set too long");
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = value(part);
                ranges.add(new long[] {n, n});
            } else {
                ranges.add(new long[] {value(part.substring(0, colon)), value(part.substring(colon + 1))});
            }
        }
        return new SequenceSet(ranges, false);
    }

    private static long value(String text) throws ImapSyntaxException {
        if (text.equals("*")) {
            return STAR;
        }
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ImapSyntaxException("bad sequence number: " + text);
        }
        long n = Long.parseLong(text);
        if (n == 0 || n > MAX) {
            throw new ImapSyntaxException("sequence number out of range: " + text);
        }
        return n;
    }

    /** A sorted list as a sequence set with ranges: 1:3,5. */
    public static String compact(List<Long> numbers) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(numbers.get(i));
            if (j > i) {
                out.append(':').append(numbers.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }

    /** SEARCHRES's "$" (the saved result). */
    public boolean isSaved() {
        return saved;
    }

    /** Whether {@code n} is in the set, with {@code *} meaning {@code largest}. */
    public boolean contains(long n, long largest) {
        for (long[] range : ranges) {
            long a = range[0] == STAR ? largest : range[0];
            long b = range[1] == STAR ? largest : range[1];
            if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The members among {@code present} (ascending), with {@code *} meaning the largest present. Cost
     * is proportional to {@code present.length} times the number of ranges.
     */
    public List<Long> select(long[] present, int count) {
        List<Long> result = new ArrayList<>();
        if (count == 0) {
            return result;
        }
        long largest = present[count - 1];
        for (int i = 0; i < count; i++) {
            if (contains(present[i], largest)) {
                result.add(present[i]);
            }
        }
        return result;
    }

    /** The message sequence numbers 1..count in the set, ascending. */
    public List<Integer> numbers(int count) {
        List<Integer> result = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            if (contains(n, count)) {
                result.add(n);
            }
        }
        return result;
    }
}
