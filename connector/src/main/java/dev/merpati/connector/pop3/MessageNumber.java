package dev.merpati.connector.pop3;

/** Message-number arguments: parsing and the -ERR for one that names no visible message. */
final class MessageNumber {

    private MessageNumber() {}

    /** @return the number, or -1 when {@code text} is not a positive decimal number */
    static int parse(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int number = Integer.parseInt(text);
        return number > 0 ? number : -1;
    }

    /** @return {@code null} when {@code text} names a message that is not marked deleted, else the -ERR */
    static String problem(Maildrop maildrop, String text) {
        int number = parse(text);
        if (number < 0) {
            return Pop3Replies.INVALID_NUMBER;
        }
        if (!maildrop.exists(number)) {
            return Pop3Replies.NO_SUCH_MESSAGE;
        }
        return maildrop.isDeleted(number) ? Pop3Replies.ALREADY_DELETED : null;
    }
}
