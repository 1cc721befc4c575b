package dev.merpati.mailbox.pop3;

/**
 * The POP3 unique-id of a message: {@code <uidvalidity>.<uid>} of its mailbox, which never changes
 * for the message and is never reused while the mailbox exists (RFC 1939 §7: 1–70 printable
 * characters).
 */
public final class Uidl {

    private Uidl() {}

    public static String of(long uidvalidity, long uid) {
        return uidvalidity + "." + uid;
    }
}
