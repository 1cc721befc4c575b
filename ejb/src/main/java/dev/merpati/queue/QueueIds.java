package dev.merpati.queue;

import java.util.Locale;

/** Postfix-like queue ids: the entry id in upper-case hexadecimal, at least 10 digits. Unique forever. */
public final class QueueIds {

    private QueueIds() {}

    public static String of(long entryId) {
        return String.format(Locale.ROOT, "%010X", entryId);
    }
}
