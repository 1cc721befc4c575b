package dev.merpati.connector.imap;

import java.util.List;

/** Flag lists as IMAP writes them. */
final class FlagNames {

    static final String SYSTEM_FLAGS = "(\\Answered \\Flagged \\Deleted \\Seen \\Draft)";
    static final String PERMANENT_FLAGS = "(\\Answered \\Flagged \\Deleted \\Seen \\Draft)";

    private FlagNames() {}

    static String list(List<String> flags) {
        return "(" + String.join(" ", flags) + ")";
    }
}
