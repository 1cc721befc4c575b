package dev.merpati.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * The header fields kept with each mailbox message so that listings never read bodies: From, To and
 * Subject decoded from RFC 2047, the Date header if it parses, the Message-ID. Never null except
 * {@code date}.
 */
public record ListingHeaders(String from, String to, String subject, Instant date, String messageId) {

    /** Column width of the stored fields. */
    static final int MAX_LENGTH = 1000;

    /** @param head the start of the message, at least its whole header section */
    public static ListingHeaders parse(byte[] head) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(head));
        } catch (MessagingException e) {
            return new ListingHeaders("", "", "", null, "");
        }
        return new ListingHeaders(
                decoded(headers.getHeader("From", ", ")),
                decoded(headers.getHeader("To", ", ")),
                decoded(headers.getHeader("Subject", " ")),
                date(headers.getHeader("Date", null)),
                clean(headers.getHeader("Message-ID", null)));
    }

    private static String decoded(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return clean(MimeUtility.decodeText(MimeUtility.unfold(raw)));
        } catch (UnsupportedEncodingException e) {
            return clean(MimeUtility.unfold(raw));
        }
    }

    private static Instant date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            Date parsed = new MailDateFormat().parse(MimeUtility.unfold(raw).strip());
            return parsed == null ? null : parsed.toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() > MAX_LENGTH ? oneLine.substring(0, MAX_LENGTH) : oneLine;
    }
}
