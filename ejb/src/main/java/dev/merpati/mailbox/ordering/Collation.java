package dev.merpati.mailbox.ordering;

import java.text.Normalizer;
import java.util.Comparator;

/**
 * The i;unicode-casemap comparator (RFC 5051): each character in title case, decomposed (NFKD), then
 * compared by code point (which is the order of the UTF-8 octets).
 */
public final class Collation {

    public static final Comparator<String> UNICODE_CASEMAP =
            Comparator.comparing(Collation::key, Collation::compareCodePoints);

    private Collation() {}

    /** The string the comparator compares. */
    public static String key(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder titled = new StringBuilder(text.length());
        text.codePoints().forEach(c -> titled.appendCodePoint(Character.toTitleCase(c)));
        return Normalizer.normalize(titled, Normalizer.Form.NFKD);
    }

    /** Compares two {@link #key keys}. */
    public static int compareKeys(String a, String b) {
        return compareCodePoints(a, b);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
