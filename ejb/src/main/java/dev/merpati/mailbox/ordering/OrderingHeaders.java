package dev.merpati.mailbox.ordering;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SORT and THREAD need of a message's header besides the listing headers, taken once when the
 * message is stored: the addr-mailbox (local part) of the first From, To and Cc address (RFC 5256
 * §3) and the message ids it refers to (References, else the first of In-Reply-To). Never null.
 *
 * @param references message ids with their angle brackets, oldest first, space separated
 */
public record OrderingHeaders(String from, String to, String cc, String references) {

    /** Column widths. */
    static final int MAX_MAILBOX = 255;

    static final int MAX_REFERENCES = 8000;

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");

    public static final OrderingHeaders NONE = new OrderingHeaders("", "", "", "");

    /** @param head the start of the message, at least its header section (more is ignored) */
    public static OrderingHeaders parse(byte[] head) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(head));
        } catch (MessagingException | RuntimeException e) {
            return NONE;
        }
        List<String> references = messageIds(headers.getHeader("References", " "));
        if (references.isEmpty()) {
            List<String> inReplyTo = messageIds(headers.getHeader("In-Reply-To", " "));
            if (!inReplyTo.isEmpty()) {
                references = List.of(inReplyTo.get(0));
            }
        }
        return new OrderingHeaders(
                firstMailbox(headers.getHeader("From", ",")),
                firstMailbox(headers.getHeader("To", ",")),
                firstMailbox(headers.getHeader("Cc", ",")),
                join(references));
    }

    /** The ids of {@link #references} as a list. */
    public List<String> referenceList() {
        return references.isEmpty() ? List.of() : List.of(references.split(" "));
    }

    /** The first msg-id in a header value (Message-ID), or {@code null}. */
    public static String messageId(String value) {
        List<String> ids = messageIds(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        Matcher m = MSG_ID.matcher(MimeUtility.unfold(value));
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    /** Space separated, dropping the oldest ids when too long (the nearest parents matter most). */
    private static String join(List<String> ids) {
        int from = 0;
        int length = String.join(" ", ids).length();
        while (length > MAX_REFERENCES && from < ids.size()) {
            length -= ids.get(from).length() + 1;
            from++;
        }
        return String.join(" ", ids.subList(from, ids.size()));
    }

    private static String firstMailbox(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(raw), false)) {
                if (address.isGroup()) {
                    InternetAddress[] members = address.getGroup(false);
                    if (members == null || members.length == 0) {
                        continue;
                    }
                    address = members[0];
                }
                String mailbox = address.getAddress();
                if (mailbox == null) {
                    continue;
                }
                int at = mailbox.lastIndexOf('@');
                String local = at < 0 ? mailbox : mailbox.substring(0, at);
                return local.length() > MAX_MAILBOX ? local.substring(0, MAX_MAILBOX) : local;
            }
        } catch (AddressException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
