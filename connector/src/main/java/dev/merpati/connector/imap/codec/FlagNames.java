package dev.merpati.connector.imap.codec;

import java.util.Collection;
import java.util.List;

/** Flag lists as IMAP writes them. */
public final class FlagNames {

    private FlagNames() {}

    public static String list(List<String> flags) {
        return "(" + String.join(" ", flags) + ")";
    }

    /** The FLAGS response's list: the system flags and the folder's keywords. */
    public static String flags(Collection<String> keywords) {
        return "(\\Answered \\Flagged \\Deleted \\Seen \\Draft" + join(keywords) + ")";
    }

    /** PERMANENTFLAGS: the same, and \* because clients may make up new keywords (RFC 3501 §7.1). */
    public static String permanent(Collection<String> keywords) {
        return "(\\Answered \\Flagged \\Deleted \\Seen \\Draft" + join(keywords) + " \\*)";
    }

    /** The longest keyword the store keeps. */
    static final int MAX_KEYWORD = 255;

    /** Refuses keywords the store could not keep, rather than dropping them silently. */
    public static List<String> checked(List<String> flags) throws ImapSyntaxException {
        for (String flag : flags) {
            if (flag.length() > MAX_KEYWORD) {
                throw new ImapSyntaxException("flag longer than " + MAX_KEYWORD + " characters");
            }
        }
        return flags;
    }

    private static String join(Collection<String> keywords) {
        StringBuilder out = new StringBuilder();
        keywords.forEach(keyword -> out.append(' ').append(keyword));
        return out.toString();
    }
}
