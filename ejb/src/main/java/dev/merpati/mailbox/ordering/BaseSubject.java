package dev.merpati.mailbox.ordering;

import java.util.Locale;

/**
 * The base subject of RFC 5256 §2.1: the subject without "Re:", "Fwd:", "[list]" leaders, "(fwd)"
 * trailers and "[fwd: ...]" wrappers, with white space collapsed. Also tells whether any of those
 * marked the message as a reply or forward (used by THREAD).
 *
 * @param text the base subject, possibly empty
 */
public record BaseSubject(String text, boolean replyOrForward) {

    /** @param subject the Subject header, already decoded from RFC 2047 and unfolded */
    public static BaseSubject of(String subject) {
        if (subject == null) {
            return new BaseSubject("", false);
        }
        // (1) white space runs become one space
        String s = subject.replaceAll("[\\s]+", " ").strip();
        boolean reply = false;
        while (true) {
            // (2) trailers: "(fwd)" and white space
            String before = s;
            while (true) {
                String lower = s.toLowerCase(Locale.ROOT);
                if (lower.endsWith("(fwd)")) {
                    s = s.substring(0, s.length() - 5).stripTrailing();
                    reply = true;
                } else {
                    break;
                }
            }
            // (3) and (4): leaders, repeated until nothing changes
            while (true) {
                String stripped = s.stripLeading();
                int refwd = leader(stripped);
                if (refwd > 0) {
                    s = stripped.substring(refwd);
                    reply = true;
                    continue;
                }
                int blob = blob(stripped, 0);
                if (blob > 0 && !stripped.substring(blob).isBlank()) {
                    s = stripped.substring(blob);
                    continue;
                }
                s = stripped;
                break;
            }
            // (5) "[fwd: ...]"
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1).strip();
                reply = true;
                continue;
            }
            if (s.equals(before)) {
                break;
            }
        }
        return new BaseSubject(s, reply);
    }

    /** Length of a subj-leader "*subj-blob subj-refwd" at the start, or 0. */
    private static int leader(String s) {
        int i = 0;
        // any number of blobs before "re:"/"fw:"/"fwd:"
        while (true) {
            int refwd = refwd(s, i);
            if (refwd > 0) {
                return refwd;
            }
            int blob = blob(s, i);
            if (blob == 0) {
                return 0;
            }
            i = blob;
        }
    }

    /** End of a subj-refwd ("re" / "fw" / "fwd", white space, an optional blob, ":") at {@code i}, or 0. */
    private static int refwd(String s, int i) {
        int j;
        if (s.regionMatches(true, i, "re", 0, 2)) {
            j = i + 2;
        } else if (s.regionMatches(true, i, "fwd", 0, 3)) {
            j = i + 3;
        } else if (s.regionMatches(true, i, "fw", 0, 2)) {
            j = i + 2;
        } else {
            return 0;
        }
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        int blob = blob(s, j);
        if (blob > 0) {
            j = blob;
        }
        return j < s.length() && s.charAt(j) == ':' ? j + 1 : 0;
    }

    /** End of a subj-blob ("[" text without brackets "]" and white space) at {@code i}, or 0. */
    private static int blob(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') {
            return 0;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != ']' && s.charAt(j) != '[') {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != ']') {
            return 0;
        }
        j++;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return j;
    }
}
