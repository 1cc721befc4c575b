package dev.merpati.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Reads a stored message into the typed forms the mailbox service hands out: its {@link Envelope}
 * and its MIME structure as a {@link MimeNode} tree. The message is read in chunks (never whole);
 * broken header fields and MIME parts come out as well as they can, never as an error.
 */
final class MessageParser {

    private MessageParser() {}

    /** The MIME structure and the envelope of a stored message, in one pass. */
    static Parsed parse(LongFunction<byte[]> reader, long size) {
        MimePart root = new MimeParser(reader, size).parse();
        return new Parsed(envelope(root.header), node(root, ""));
    }

    record Parsed(Envelope envelope, MimeNode structure) {}

    /** A part of a parsed message and its description, found by its IMAP part number. */
    record Located(MimePart part, MimeNode node) {}

    /** The part numbered {@code path} ("" the message itself, "1.2"), or {@code null}. */
    static Located find(MimePart root, String path) {
        if (path.equals("1") && !root.isMultipart() && !root.isMessage()) {
            return new Located(root, node(root, "1")); // the body of a message of one part
        }
        return find(root, "", path);
    }

    private static Located find(MimePart part, String path, String wanted) {
        if (path.equals(wanted)) {
            return new Located(part, node(part, path));
        }
        if (part.isMultipart()) {
            for (int i = 0; i < part.children.size(); i++) {
                String childPath = child(path, i + 1);
                if (wanted.equals(childPath) || wanted.startsWith(childPath + ".")) {
                    return find(part.children.get(i), childPath, wanted);
                }
            }
        } else if (part.isMessage() && part.message != null && !path.isEmpty()) {
            MimePart inner = part.message;
            if (inner.isMultipart()) {
                return find(inner, path, wanted);
            }
            return wanted.equals(child(path, 1)) ? new Located(inner, node(inner, wanted)) : null;
        }
        return null;
    }

    /** The structure of a message parsed already. */
    static MimeNode structure(MimePart root) {
        return node(root, "");
    }

    private static MimeNode node(MimePart part, String path) {
        List<MimeNode> children = new ArrayList<>();
        if (part.isMultipart()) {
            for (int i = 0; i < part.children.size(); i++) {
                children.add(node(part.children.get(i), child(path, i + 1)));
            }
        } else if (part.isMessage() && part.message != null) {
            // IMAP numbers the encapsulated message's parts below the message/rfc822 part itself.
            children.add(node(part.message, path));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String[] parameter : part.parameters) {
            parameters.putIfAbsent(parameter[0].toLowerCase(Locale.ROOT), parameter[1]);
        }
        String fileName = null;
        for (String[] parameter : part.dispositionParameters) {
            if (parameter[0].equalsIgnoreCase("filename")) {
                fileName = parameter[1];
            }
        }
        if (fileName == null) {
            fileName = parameters.get("name");
        }
        return new MimeNode(
                path,
                part.type.toLowerCase(Locale.ROOT),
                part.subtype.toLowerCase(Locale.ROOT),
                parameters,
                part.disposition == null ? null : part.disposition.toLowerCase(Locale.ROOT),
                fileName == null ? null : safeFileName(decoded(fileName)),
                parameters.get("charset"),
                part.encoding == null ? "7bit" : part.encoding.toLowerCase(Locale.ROOT),
                part.id,
                part.bodyEnd - part.bodyStart,
                part.lines,
                children);
    }

    private static String child(String path, int number) {
        return path.isEmpty() ? String.valueOf(number) : path + "." + number;
    }

    /** A file name without directories or control characters: what a download may safely be called. */
    static String safeFileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[\\p{Cntrl}\"]", "_").strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        return clean.isEmpty() ? null : clean;
    }

    /** The envelope of a header section. */
    static Envelope envelope(byte[] header) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(header));
        } catch (MessagingException e) {
            headers = new InternetHeaders();
        }
        String references = field(headers, "References");
        return new Envelope(
                date(field(headers, "Date")),
                decoded(field(headers, "Subject")),
                addresses(headers, "From"),
                addresses(headers, "Sender"),
                addresses(headers, "Reply-To"),
                addresses(headers, "To"),
                addresses(headers, "Cc"),
                addresses(headers, "Bcc"),
                orEmpty(field(headers, "Message-ID")),
                orEmpty(field(headers, "In-Reply-To")),
                references == null
                        ? List.of()
                        : Arrays.stream(references.split("\\s+"))
                                .filter(id -> !id.isEmpty())
                                .toList());
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    private static List<Address> addresses(InternetHeaders headers, String name) {
        String raw = headers.getHeader(name, ",");
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(MimeUtility.unfold(raw), false);
        } catch (AddressException e) {
            return List.of(new Address(null, decoded(raw)));
        }
        List<Address> result = new ArrayList<>();
        for (InternetAddress address : parsed) {
            if (address.isGroup()) {
                try {
                    for (InternetAddress member : address.getGroup(false)) {
                        result.add(address(member));
                    }
                } catch (AddressException | RuntimeException e) {
                    // an unparsable group is left out
                }
            } else {
                result.add(address(address));
            }
        }
        return result;
    }

    private static Address address(InternetAddress address) {
        String personal = address.getPersonal();
        return new Address(personal == null ? null : personal.strip(), orEmpty(address.getAddress()));
    }

    private static Instant date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            java.util.Date parsed = new MailDateFormat().parse(raw);
            return parsed == null ? null : parsed.toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String decoded(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
