package dev.merpati.pipeline;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Cleanup's header work, as Postfix's cleanup does it: a Received trace header always (RFC 5321
 * §4.4), Message-ID and Date when the message lacks them (RFC 5322 §3.6). The result is a block of
 * header lines placed before the message as received, which is never rewritten.
 */
public final class MissingHeaders {

    /**
     * What the Received header tells about the SMTP transaction.
     *
     * @param tls the connection's TLS, e.g. {@code TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)}, or null
     * @param authenticatedUser the SMTP AUTH identity, or null
     */
    public record Trace(
            String clientHelo,
            String clientAddress,
            String protocol,
            String queueId,
            List<String> recipients,
            Instant receivedAt,
            String tls,
            String authenticatedUser) {

        /** A transaction without TLS or authentication. */
        public Trace(
                String clientHelo,
                String clientAddress,
                String protocol,
                String queueId,
                List<String> recipients,
                Instant receivedAt) {
            this(clientHelo, clientAddress, protocol, queueId, recipients, receivedAt, null, null);
        }
    }

    static final DateTimeFormatter RFC_5322_DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final DateTimeFormatter MESSAGE_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private final String hostname;
    private final ZoneId zone;

    public MissingHeaders(String hostname, ZoneId zone) {
        this.hostname = hostname;
        this.zone = zone;
    }

    /**
     * @param head the start of the message as received, including its whole header section
     * @param random a random token for a Message-ID
     * @return the header lines to put before the message, each ending in CRLF (US-ASCII)
     */
    public String block(byte[] head, Trace trace, String random) {
        return received(trace) + completion(head, trace, random);
    }

    /** Date and Message-ID when the message lacks them: the block without its Received header. */
    public String completion(byte[] head, Trace trace, String random) {
        InternetHeaders existing = parse(head);
        StringBuilder block = new StringBuilder();
        if (!present(existing, "Date")) {
            block.append("Date: ").append(date(trace.receivedAt())).append(CRLF);
        }
        if (!present(existing, "Message-ID")) {
            block.append("Message-ID: ")
                    .append(messageId(trace.receivedAt(), random))
                    .append(CRLF);
        }
        return block.toString();
    }

    /**
     * {@code Received: from helo ([ip]) (using TLS...) (Authenticated sender: user) by host (Merpati) with
     * PROTO id QUEUEID for <rcpt>; date}, folded, as Postfix's smtpd writes it.
     */
    public String received(Trace trace) {
        String helo = token(trace.clientHelo(), "unknown");
        StringBuilder line = new StringBuilder("Received: from ")
                .append(helo)
                .append(" (")
                .append(addressLiteral(trace.clientAddress()))
                .append(")")
                .append(CRLF);
        if (trace.tls() != null && !trace.tls().isBlank()) {
            line.append("\t(using ").append(comment(trace.tls())).append(")").append(CRLF);
        }
        if (trace.authenticatedUser() != null && !trace.authenticatedUser().isBlank()) {
            line.append("\t(Authenticated sender: ")
                    .append(token(trace.authenticatedUser(), "unknown"))
                    .append(")")
                    .append(CRLF);
        }
        line.append("\tby ")
                .append(hostname)
                .append(" (Merpati) with ")
                .append(protocol(trace.protocol()))
                .append(" id ")
                .append(token(trace.queueId(), "unknown"));
        // Like Postfix, name the recipient only when there is exactly one: never disclose Bcc lists.
        if (trace.recipients().size() == 1) {
            line.append(CRLF)
                    .append("\tfor <")
                    .append(path(trace.recipients().get(0)))
                    .append(">");
        }
        return line.append("; ").append(date(trace.receivedAt())).append(CRLF).toString();
    }

    String messageId(Instant when, String random) {
        return "<" + MESSAGE_ID_TIME.format(when) + "." + token(random, "0") + "@" + hostname + ">";
    }

    String date(Instant when) {
        return RFC_5322_DATE.format(when.atZone(zone));
    }

    private static InternetHeaders parse(byte[] head) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(head));
        } catch (MessagingException e) {
            return new InternetHeaders();
        }
    }

    private static boolean present(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** RFC 5321 TCP-info: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    static String addressLiteral(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.startsWith("/")) {
            a = a.substring(1);
        }
        StringBuilder clean = new StringBuilder();
        for (char c : a.toCharArray()) {
            boolean allowed =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
            clean.append(allowed ? c : '?');
        }
        String ip = clean.length() == 0 ? "unknown" : clean.toString();
        return "[" + (ip.indexOf(':') >= 0 ? "IPv6:" + ip : ip) + "]";
    }

    private static String protocol(String protocol) {
        String p = protocol == null ? "" : protocol.replaceAll("[^A-Za-z0-9]", "");
        return p.isEmpty() ? "SMTP" : p.toUpperCase(Locale.ROOT);
    }

    /** Client-supplied text made safe for a header: visible ASCII without comment delimiters, bounded. */
    static String token(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        StringBuilder clean = new StringBuilder();
        for (char c : value.strip().toCharArray()) {
            boolean allowed = c > ' ' && c < 0x7f && c != '(' && c != ')' && c != '\\' && c != ';';
            clean.append(allowed ? c : '?');
            if (clean.length() == 255) {
                break;
            }
        }
        return clean.toString();
    }

    /**
     * Text for a header comment: letters, digits, spaces and {@code _ . - / +} kept, parentheses kept
     * only when they balance, everything else (CR, LF, backslash, ...) replaced; bounded.
     */
    static String comment(String value) {
        StringBuilder clean = new StringBuilder();
        int depth = 0;
        for (char c : value.strip().toCharArray()) {
            if (clean.length() == 200) {
                break;
            }
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || " _.-/+".indexOf(c) >= 0;
            if (plain) {
                clean.append(c);
            } else if (c == '(') {
                depth++;
                clean.append(c);
            } else if (c == ')' && depth > 0) {
                depth--;
                clean.append(c);
            } else {
                clean.append('?');
            }
        }
        String text = clean.toString();
        return depth == 0 ? text : text.replace('(', '?').replace(')', '?');
    }

    private static String path(String address) {
        return token(address, "").replace('<', '?').replace('>', '?');
    }
}
