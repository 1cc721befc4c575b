package dev.merpati.bounce;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An RFC 3464 delivery status notification: a multipart/report with a human part, the
 * message/delivery-status part (RFC 3464 §2) and the original message's header section
 * (text/rfc822-headers, RFC 6522), never its body.
 */
public final class DsnMessage {

    /** One failed recipient. */
    public record Failure(String finalRecipient, String originalRecipient, String reason) {}

    /** About the message that failed. */
    public record Original(String queueId, String sender, Instant arrival, byte[] headers) {}

    static final DateTimeFormatter RFC_5322_DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final Pattern STATUS = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)");
    private static final String CRLF = "\r\n";

    private final String hostname;
    private final ZoneId zone;

    public DsnMessage(String hostname, ZoneId zone) {
        this.hostname = hostname;
        this.zone = zone;
    }

    /** The complete message, CRLF line ends. */
    public byte[] build(Original original, List<Failure> failures, String to, Instant now, String boundaryToken) {
        String boundary = now.getEpochSecond() + "/" + boundaryToken + "/" + hostname;
        StringBuilder m = new StringBuilder();
        m.append("From: MAILER-DAEMON@")
                .append(hostname)
                .append(" (Mail Delivery System)")
                .append(CRLF);
        m.append("To: ").append(to.isEmpty() ? "postmaster" : to).append(CRLF);
        m.append("Subject: Undelivered Mail Returned to Sender").append(CRLF);
        m.append("Date: ").append(RFC_5322_DATE.format(now.atZone(zone))).append(CRLF);
        m.append("Auto-Submitted: auto-replied").append(CRLF);
        m.append("MIME-Version: 1.0").append(CRLF);
        m.append("Content-Type: multipart/report; report-type=delivery-status;")
                .append(CRLF)
                .append("\tboundary=\"")
                .append(boundary)
                .append("\"")
                .append(CRLF);
        m.append(CRLF);
        m.append("This is a MIME-encapsulated message.").append(CRLF).append(CRLF);

        m.append("--").append(boundary).append(CRLF);
        m.append("Content-Description: Notification").append(CRLF);
        m.append("Content-Type: text/plain; charset=us-ascii").append(CRLF).append(CRLF);
        m.append("This is the mail system at host ")
                .append(hostname)
                .append(".")
                .append(CRLF)
                .append(CRLF);
        m.append("I'm sorry to have to inform you that your message could not").append(CRLF);
        m.append("be delivered to one or more recipients. It's attached below.")
                .append(CRLF)
                .append(CRLF);
        for (Failure f : failures) {
            m.append("<").append(ascii(f.finalRecipient())).append(">: ");
            m.append(ascii(f.reason())).append(CRLF);
        }
        m.append(CRLF);

        m.append("--").append(boundary).append(CRLF);
        m.append("Content-Description: Delivery report").append(CRLF);
        m.append("Content-Type: message/delivery-status").append(CRLF).append(CRLF);
        m.append("Reporting-MTA: dns; ").append(hostname).append(CRLF);
        m.append("X-Merpati-Queue-ID: ").append(ascii(original.queueId())).append(CRLF);
        m.append("X-Merpati-Sender: rfc822; ").append(ascii(original.sender())).append(CRLF);
        m.append("Arrival-Date: ")
                .append(RFC_5322_DATE.format(original.arrival().atZone(zone)))
                .append(CRLF);
        for (Failure f : failures) {
            m.append(CRLF);
            m.append("Final-Recipient: rfc822; ")
                    .append(ascii(f.finalRecipient()))
                    .append(CRLF);
            if (f.originalRecipient() != null && !f.originalRecipient().equalsIgnoreCase(f.finalRecipient())) {
                m.append("Original-Recipient: rfc822; ")
                        .append(ascii(f.originalRecipient()))
                        .append(CRLF);
            }
            m.append("Action: failed").append(CRLF);
            m.append("Status: ").append(status(f.reason())).append(CRLF);
            m.append("Diagnostic-Code: X-Merpati; ").append(ascii(f.reason())).append(CRLF);
        }
        m.append(CRLF);

        m.append("--").append(boundary).append(CRLF);
        m.append("Content-Description: Undelivered Message Headers").append(CRLF);
        m.append("Content-Type: text/rfc822-headers").append(CRLF).append(CRLF);
        byte[] head = m.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (CRLF + "--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII);
        byte[] headers = headerSection(original.headers());
        byte[] all = new byte[head.length + headers.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(headers, 0, all, head.length, headers.length);
        System.arraycopy(tail, 0, all, head.length + headers.length, tail.length);
        return all;
    }

    /** The enhanced status code (RFC 3463) the reason starts with, else 5.0.0. */
    static String status(String reason) {
        var m = STATUS.matcher(reason == null ? "" : reason);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : "5.0.0";
    }

    /**
     * The header section of a message start: up to (not including) the empty line, with bare LF
     * made CRLF and anything that is not printable ASCII replaced, so the DSN stays 7-bit.
     */
    static byte[] headerSection(byte[] message) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (int i = 0; i <= message.length; i++) {
            if (i == message.length || message[i] == '\n') {
                int end = i;
                if (end > lineStart && message[end - 1] == '\r') {
                    end--;
                }
                if (end == lineStart) {
                    break; // the empty line that ends the header section
                }
                for (int k = lineStart; k < end; k++) {
                    int c = message[k] & 0xff;
                    out.append(c == '\t' || (c >= 32 && c < 127) ? (char) c : '?');
                }
                out.append(CRLF);
                lineStart = i + 1;
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        return b.toString();
    }
}
