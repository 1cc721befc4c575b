package dev.merpati.testkit;

import jakarta.mail.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads whole maildrops over POP3 to find messages by what they contain. */
public final class Mailboxes {

    private Mailboxes() {}

    /** Every message in the maildrop whose raw text contains the token. */
    public static List<String> containing(String user, String password, String token) throws Exception {
        return Mail.readPop3(user, password, messages -> {
            List<String> found = new ArrayList<>();
            for (Message message : messages) {
                String text = Mail.rawText(message);
                if (text.contains(token)) {
                    found.add(text);
                }
            }
            return found;
        });
    }

    /** Waits until {@code count} messages containing the token are there, and returns them. */
    public static List<String> await(String user, String password, String token, int count, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> found = containing(user, password, token);
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        count + " message(s) with '" + token + "' expected for " + user + ", found " + found.size());
            }
            Thread.sleep(300);
        }
    }
}
