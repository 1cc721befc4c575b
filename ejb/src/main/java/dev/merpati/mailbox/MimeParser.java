package dev.merpati.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Finds the MIME structure of a stored message in one streaming pass, line by line: of each line
 * only its start is kept (enough to recognise a boundary), of each header at most {@link
 * #MAX_HEADER} octets, and nesting stops at {@link #MAX_DEPTH}. Malformed input gives a best-effort
 * structure, never an error.
 */
final class MimeParser {

    static final int MAX_HEADER = 64 * 1024;
    static final int MAX_DEPTH = 32;
    private static final int LINE_PREFIX = 200;

    private final Lines lines;
    private final Deque<byte[]> boundaries = new ArrayDeque<>();

    /** @param reader reads the message's octets from an offset; an empty array at the end */
    MimeParser(LongFunction<byte[]> reader, long size) {
        this.lines = new Lines(reader, size);
    }

    MimePart parse() {
        return entity(false, 0);
    }

    private MimePart entity(boolean digest, int depth) {
        MimePart part = new MimePart();
        if (digest) {
            part.type = "message";
            part.subtype = "rfc822";
        }
        part.headerStart = lines.position();
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        boolean sawHeader = false;
        while (lines.peek() && !isBoundary(lines.prefix())) {
            Line line = lines.take(header.size() < MAX_HEADER ? MAX_HEADER - header.size() : 0);
            if (line.blank()) {
                break;
            }
            sawHeader = true;
            header.write(line.bytes(), 0, line.bytes().length);
        }
        part.bodyStart = lines.position();
        part.header = header.toByteArray();
        if (sawHeader) {
            describe(part);
        }
        if (part.parameters.isEmpty() && part.type.equals("text")) {
            part.parameters.add(new String[] {"charset", "us-ascii"});
        }
        if (part.isMultipart() && depth < MAX_DEPTH && boundaryOf(part) != null) {
            multipart(part, depth);
        } else if (part.isMessage() && depth < MAX_DEPTH) {
            long before = lines.breaks();
            part.message = entity(false, depth + 1);
            part.bodyEnd = endBefore();
            part.lines = lines.breaks() - before - (lines.peek() && part.bodyEnd < lines.position() ? 1 : 0);
        } else {
            leaf(part);
        }
        return part;
    }

    private void multipart(MimePart part, int depth) {
        byte[] boundary = ("--" + boundaryOf(part)).getBytes(StandardCharsets.ISO_8859_1);
        boundaries.push(boundary);
        // preamble
        while (lines.peek() && !isBoundary(lines.prefix())) {
            lines.take(0);
        }
        boolean digest = part.subtype.equalsIgnoreCase("digest");
        while (lines.peek() && matches(lines.prefix(), boundary) == 1) {
            lines.take(0);
            part.children.add(entity(digest, depth + 1));
        }
        if (lines.peek() && matches(lines.prefix(), boundary) == 2) {
            lines.take(0);
        }
        boundaries.pop();
        // epilogue, up to an outer boundary
        while (lines.peek() && !isBoundary(lines.prefix())) {
            lines.take(0);
        }
        part.bodyEnd = endBefore();
    }

    private void leaf(MimePart part) {
        long breaks = -lines.breaks();
        while (lines.peek() && !isBoundary(lines.prefix())) {
            lines.take(0);
        }
        breaks += lines.breaks();
        part.bodyEnd = endBefore();
        if (lines.peek() && breaks > 0 && part.bodyEnd < lines.position()) {
            breaks--; // the line break before a boundary belongs to the boundary
        }
        part.lines = breaks;
    }

    /** Where the current entity ends: before the line break that precedes a boundary, or at the end. */
    private long endBefore() {
        long position = lines.position();
        if (lines.peek()) {
            return Math.max(0, position - lines.lastBreakLength());
        }
        return position;
    }

    private boolean isBoundary(byte[] prefix) {
        for (byte[] boundary : boundaries) {
            if (matches(prefix, boundary) > 0) {
                return true;
            }
        }
        return false;
    }

    /** 0: not this boundary; 1: a delimiter line; 2: the closing delimiter. */
    private static int matches(byte[] line, byte[] boundary) {
        if (line.length < boundary.length) {
            return 0;
        }
        for (int i = 0; i < boundary.length; i++) {
            if (line[i] != boundary[i]) {
                return 0;
            }
        }
        int i = boundary.length;
        int kind = 1;
        if (i + 1 < line.length && line[i] == '-' && line[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        for (; i < line.length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return 0;
            }
        }
        return kind;
    }

    private static String boundaryOf(MimePart part) {
        for (String[] parameter : part.parameters) {
            if (parameter[0].equalsIgnoreCase("boundary") && !parameter[1].isEmpty()) {
                return parameter[1];
            }
        }
        return null;
    }

    private static void describe(MimePart part) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(part.header));
        } catch (MessagingException e) {
            return;
        }
        String contentType = header(headers, "Content-Type");
        if (contentType != null) {
            try {
                ContentType type = new ContentType(contentType);
                part.type = type.getPrimaryType().toLowerCase(Locale.ROOT);
                part.subtype = type.getSubType().toLowerCase(Locale.ROOT);
                part.parameters = parameters(type.getParameterList());
            } catch (MessagingException | RuntimeException e) {
                // RFC 2045 §5.2: an unparsable Content-Type means text/plain; charset=us-ascii
                part.type = "text";
                part.subtype = "plain";
            }
        }
        part.id = header(headers, "Content-ID");
        part.description = header(headers, "Content-Description");
        String encoding = header(headers, "Content-Transfer-Encoding");
        if (encoding != null) {
            part.encoding = encoding.toUpperCase(Locale.ROOT);
        }
        part.md5 = header(headers, "Content-MD5");
        String disposition = header(headers, "Content-Disposition");
        if (disposition != null) {
            try {
                ContentDisposition parsed = new ContentDisposition(disposition);
                part.disposition = parsed.getDisposition();
                part.dispositionParameters = parameters(parsed.getParameterList());
            } catch (MessagingException | RuntimeException e) {
                part.disposition = null;
            }
        }
        part.language = header(headers, "Content-Language");
        part.location = header(headers, "Content-Location");
    }

    private static List<String[]> parameters(ParameterList list) {
        List<String[]> result = new ArrayList<>();
        if (list == null) {
            return result;
        }
        for (String name : Collections.list(list.getNames())) {
            result.add(new String[] {name, list.get(name)});
        }
        return result;
    }

    private static String header(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    /** One line: its first octets (as many as asked) and how it ended. */
    record Line(byte[] bytes, byte[] prefix, int breakLength, boolean blank) {}

    /** The message as lines, read in chunks; keeps only one chunk and the current line's start. */
    private static final class Lines {
        private final LongFunction<byte[]> reader;
        private final long size;
        private byte[] chunk = new byte[0];
        private long chunkStart;
        private int index;
        private long position;
        private int lastBreakLength;
        private long breaks;
        private byte[] prefix;
        private boolean peeked;

        Lines(LongFunction<byte[]> reader, long size) {
            this.reader = reader;
            this.size = size;
        }

        long position() {
            return position;
        }

        int lastBreakLength() {
            return lastBreakLength;
        }

        /** Line breaks consumed so far. */
        long breaks() {
            return breaks;
        }

        /** Whether a line follows; computes its prefix. */
        boolean peek() {
            if (peeked) {
                return true;
            }
            if (position >= size) {
                return false;
            }
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            long p = position;
            while (start.size() < LINE_PREFIX && p < size) {
                int b = byteAt(p++);
                if (b < 0) {
                    break;
                }
                start.write(b);
                if (b == '\n') {
                    break;
                }
            }
            prefix = start.toByteArray();
            peeked = true;
            return prefix.length > 0;
        }

        byte[] prefix() {
            return prefix;
        }

        /** Consumes the line, keeping up to {@code keep} of its octets. */
        Line take(int keep) {
            peek();
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int breakLength = 0;
            long length = 0;
            int previous = -1;
            while (position < size) {
                int b = byteAt(position);
                if (b < 0) {
                    position = size;
                    break;
                }
                position++;
                length++;
                if (kept.size() < keep) {
                    kept.write(b);
                }
                if (b == '\n') {
                    breakLength = previous == '\r' ? 2 : 1;
                    break;
                }
                previous = b;
            }
            lastBreakLength = breakLength;
            if (breakLength > 0) {
                breaks++;
            }
            peeked = false;
            boolean blank = length == breakLength && breakLength > 0;
            return new Line(kept.toByteArray(), prefix, breakLength, blank);
        }

        private int byteAt(long offset) {
            if (offset < chunkStart || offset >= chunkStart + chunk.length) {
                chunk = reader.apply(offset);
                chunkStart = offset;
                if (chunk.length == 0) {
                    return -1;
                }
            }
            return chunk[(int) (offset - chunkStart)] & 0xff;
        }
    }
}
