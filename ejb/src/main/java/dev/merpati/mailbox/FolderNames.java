package dev.merpati.mailbox;

/** Which folder names the store accepts, and their canonical spelling. */
final class FolderNames {

    static final int MAX_LENGTH = 500;

    private FolderNames() {}

    /**
     * The canonical form of a folder path (INBOX in any case is "INBOX", trailing delimiters
     * dropped), or {@code null} when it is not acceptable: empty, too long, with an empty level, or
     * with control characters or the list wildcards * and %.
     */
    static String normal(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name;
        while (trimmed.endsWith(String.valueOf(Mailbox.DELIMITER))) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()
                || trimmed.length() > MAX_LENGTH
                || trimmed.startsWith(String.valueOf(Mailbox.DELIMITER))
                || trimmed.contains("" + Mailbox.DELIMITER + Mailbox.DELIMITER)
                || trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '*' || c == '%')) {
            return null;
        }
        return canonical(trimmed);
    }

    /** INBOX is case-insensitive (RFC 3501 §5.1); other names are exact. */
    static String canonical(String name) {
        return Mailbox.INBOX.equalsIgnoreCase(name) ? Mailbox.INBOX : name;
    }
}
