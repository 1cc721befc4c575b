package dev.merpati.connector.imap.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** IMAP date-time ("17-Jul-1996 02:44:25 -0700") and date ("1-Feb-1994") values. */
public final class ImapDates {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private ImapDates() {}

    public static Instant parseDateTime(String text) throws ImapSyntaxException {
        try {
            return ZonedDateTime.parse(capitalized(text.strip()), DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ImapSyntaxException("bad date-time: " + text);
        }
    }

    public static LocalDate parseDate(String text) throws ImapSyntaxException {
        try {
            return LocalDate.parse(capitalized(text), DATE);
        } catch (DateTimeParseException e) {
            throw new ImapSyntaxException("bad date: " + text);
        }
    }

    public static String format(Instant instant) {
        return WRITE.format(instant.atZone(ZoneOffset.UTC));
    }

    /** Month names are case-insensitive in IMAP; the formatter wants "Jul". */
    private static String capitalized(String text) {
        int dash = text.indexOf('-');
        if (dash < 0 || dash + 4 > text.length()) {
            return text;
        }
        return text.substring(0, dash + 1)
                + text.substring(dash + 1, dash + 2).toUpperCase(Locale.ROOT)
                + text.substring(dash + 2, dash + 4).toLowerCase(Locale.ROOT)
                + text.substring(dash + 4);
    }
}
