package dev.merpati.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What IMAP FETCH needs of a message's structure, computed once when the message is stored: the size
 * of the header section, ENVELOPE, BODY and BODYSTRUCTURE (RFC 3501 §7.4.2) as they go on the wire,
 * and the part offsets ({@link MimeParts}) for BODY[section].
 */
public record MessageStructure(long headerSize, String envelope, String body, String bodyStructure, String parts) {

    /** The message's entities and their octet ranges, from {@link #parts()}. */
    public MimeParts.Node partTree() {
        return MimeParts.read(parts);
    }

    /**
     * Parses the message in one streaming pass.
     *
     * @param reader reads the stored message from an offset (a chunk; empty at the end)
     */
    public static MessageStructure of(LongFunction<byte[]> reader, long size) {
        return ofParsed(new MimeParser(reader, size).parse());
    }

    /** From a message parsed already. */
    static MessageStructure ofParsed(MimePart root) {
        return new MessageStructure(
                root.bodyStart - root.headerStart,
                of(root).envelope(),
                BodyStructureWriter.write(root, false),
                BodyStructureWriter.write(root, true),
                MimeParts.write(root));
    }

    /** The ENVELOPE of a parsed entity (the message, or an encapsulated one). */
    static MessageStructure of(MimePart message) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(message.header));
        } catch (MessagingException e) {
            headers = new InternetHeaders();
        }
        return new MessageStructure(message.bodyStart - message.headerStart, envelope(headers), null, null, null);
    }

    private static String envelope(InternetHeaders headers) {
        String from = addresses(headers, "From");
        String sender = addresses(headers, "Sender");
        String replyTo = addresses(headers, "Reply-To");
        return "("
                + nstring(header(headers, "Date")) + " "
                + nstring(header(headers, "Subject")) + " "
                + from + " "
                + (sender.equals("NIL") ? from : sender) + " "
                + (replyTo.equals("NIL") ? from : replyTo) + " "
                + addresses(headers, "To") + " "
                + addresses(headers, "Cc") + " "
                + addresses(headers, "Bcc") + " "
                + nstring(header(headers, "In-Reply-To")) + " "
                + nstring(header(headers, "Message-ID"))
                + ")";
    }

    private static String header(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    private static String addresses(InternetHeaders headers, String name) {
        String raw = headers.getHeader(name, ",");
        if (raw == null || raw.isBlank()) {
            return "NIL";
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(MimeUtility.unfold(raw), false);
        } catch (AddressException e) {
            return "NIL";
        }
        List<String> out = new ArrayList<>();
        for (InternetAddress address : parsed) {
            if (address.isGroup()) {
                try {
                    String group = address.getAddress();
                    out.add("(NIL NIL " + nstring(group.substring(0, group.indexOf(':'))) + " NIL)");
                    for (InternetAddress member : address.getGroup(false)) {
                        out.add(address(member));
                    }
                    out.add("(NIL NIL NIL NIL)");
                } catch (AddressException | RuntimeException e) {
                    // an unparsable group is left out
                }
            } else {
                out.add(address(address));
            }
        }
        return out.isEmpty() ? "NIL" : "(" + String.join("", out) + ")";
    }

    private static String address(InternetAddress address) {
        String mailbox = address.getAddress() == null ? "" : address.getAddress();
        int at = mailbox.lastIndexOf('@');
        String local = at < 0 ? mailbox : mailbox.substring(0, at);
        String host = at < 0 ? null : mailbox.substring(at + 1);
        String personal = address.getPersonal();
        if (personal != null && !StandardCharsets.US_ASCII.newEncoder().canEncode(personal)) {
            try {
                personal = MimeUtility.encodeWord(personal, "UTF-8", "B");
            } catch (UnsupportedEncodingException e) {
                personal = null;
            }
        }
        return "(" + nstring(personal) + " NIL " + nstring(local) + " " + nstring(host) + ")";
    }

    /** NIL, a quoted string, or a literal when the text cannot be quoted. */
    static String nstring(String value) {
        if (value == null) {
            return "NIL";
        }
        boolean quotable = value.length() < 1024;
        for (int i = 0; i < value.length() && quotable; i++) {
            char c = value.charAt(i);
            quotable = c >= 0x20 && c < 0x7f;
        }
        if (quotable) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return "{" + bytes.length + "}\r\n" + value;
    }
}
