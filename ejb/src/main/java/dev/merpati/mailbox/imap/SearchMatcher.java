package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.SearchKey;
import dev.merpati.mailbox.StoredMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Evaluates a SEARCH criterion against one message. Flags, sizes and dates come from the message
 * row; header keys read the stored header section (decoded from RFC 2047); BODY and TEXT read the
 * octets in chunks. Dates are compared in UTC.
 */
final class SearchMatcher {

    private StoredMessage headerOf;
    private InternetHeaders headers;

    boolean matches(StoredMessage message, SearchKey key) {
        if (key instanceof SearchKey.And and) {
            for (SearchKey k : and.keys()) {
                if (!matches(message, k)) {
                    return false;
                }
            }
            return true;
        }
        if (key instanceof SearchKey.Or or) {
            return matches(message, or.left()) || matches(message, or.right());
        }
        if (key instanceof SearchKey.Not not) {
            return !matches(message, not.key());
        }
        if (key instanceof SearchKey.All) {
            return true;
        }
        if (key instanceof SearchKey.Uids uids) {
            return uids.uids().contains(message.uid());
        }
        if (key instanceof SearchKey.Flag flag) {
            return ImapFlags.has(message, flag.flag());
        }
        if (key instanceof SearchKey.Recent recent) {
            return !recent.recent();
        }
        if (key instanceof SearchKey.Size size) {
            return size.larger() ? message.size() > size.octets() : message.size() < size.octets();
        }
        if (key instanceof SearchKey.Date date) {
            Instant when =
                    date.field() == SearchKey.Date.Field.INTERNAL ? message.internalDate() : message.headerDate();
            if (when == null) {
                return false;
            }
            LocalDate day = when.atOffset(ZoneOffset.UTC).toLocalDate();
            return switch (date.comparison()) {
                case BEFORE -> day.isBefore(date.date());
                case ON -> day.isEqual(date.date());
                case SINCE -> !day.isBefore(date.date());
            };
        }
        if (key instanceof SearchKey.Header header) {
            String[] values = headers(message).getHeader(header.name());
            if (values == null) {
                return false;
            }
            String wanted = header.value().toLowerCase(Locale.ROOT);
            for (String value : values) {
                if (decoded(value).toLowerCase(Locale.ROOT).contains(wanted)) {
                    return true;
                }
            }
            return false;
        }
        if (key instanceof SearchKey.Text text) {
            return message.contains(text.value(), text.includeHeader());
        }
        if (key instanceof SearchKey.ModseqAtLeast modseq) {
            return message.modseq() >= modseq.modseq();
        }
        return false;
    }

    private InternetHeaders headers(StoredMessage message) {
        if (headerOf != message) {
            headerOf = message;
            try {
                headers = new InternetHeaders(new ByteArrayInputStream(message.header()));
            } catch (MessagingException e) {
                headers = new InternetHeaders();
            }
        }
        return headers;
    }

    private static String decoded(String raw) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }
}
