package dev.merpati.mailbox;

import dev.merpati.connector.api.FetchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The octet ranges of a message's MIME entities, kept as compact text with the message so that
 * FETCH BODY[section] finds any part without parsing: {@code hs,bs,be,K} per entity where K is L
 * (leaf), M (multipart, children follow in parentheses) or R (message/rfc822, the encapsulated
 * message follows in parentheses).
 */
final class MimeParts {

    /** An entity's ranges. */
    record Node(long headerStart, long bodyStart, long bodyEnd, char kind, List<Node> children) {}

    /** A resolved range. */
    record Range(long offset, long length) {}

    private MimeParts() {}

    static String write(MimePart part) {
        StringBuilder out = new StringBuilder();
        write(part, out);
        return out.toString();
    }

    private static void write(MimePart part, StringBuilder out) {
        out.append(part.headerStart)
                .append(',')
                .append(part.bodyStart)
                .append(',')
                .append(part.bodyEnd)
                .append(',');
        if (part.isMultipart() && !part.children.isEmpty()) {
            out.append("M(");
            for (MimePart child : part.children) {
                write(child, out);
            }
            out.append(')');
        } else if (part.isMessage() && part.message != null) {
            out.append("R(");
            write(part.message, out);
            out.append(')');
        } else {
            out.append('L');
        }
    }

    static Node read(String text) {
        int[] pos = {0};
        return node(text, pos);
    }

    private static Node node(String text, int[] pos) {
        long hs = number(text, pos);
        long bs = number(text, pos);
        long be = number(text, pos);
        char kind = text.charAt(pos[0]++);
        List<Node> children = new ArrayList<>();
        if (kind != 'L') {
            pos[0]++; // '('
            while (text.charAt(pos[0]) != ')') {
                children.add(node(text, pos));
            }
            pos[0]++;
        }
        return new Node(hs, bs, be, kind, children);
    }

    private static long number(String text, int[] pos) {
        int comma = text.indexOf(',', pos[0]);
        long value = Long.parseLong(text, pos[0], comma, 10);
        pos[0] = comma + 1;
        return value;
    }

    /**
     * The range of a section (RFC 3501 §6.4.5), or {@code null} when the message has no such part.
     * For HEADER.FIELDS the range is the header to filter.
     */
    static Range resolve(Node root, FetchRequest.Section section) {
        List<Integer> path = section.part();
        Node entity = entity(root, path);
        if (entity == null) {
            return null;
        }
        return switch (section.kind()) {
            case CONTENT, BINARY -> path.isEmpty()
                    ? new Range(root.headerStart(), root.bodyEnd() - root.headerStart())
                    : new Range(entity.bodyStart(), entity.bodyEnd() - entity.bodyStart());
            case MIME -> path.isEmpty()
                    ? null
                    : new Range(entity.headerStart(), entity.bodyStart() - entity.headerStart());
            case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT -> {
                Node message = entity;
                if (!path.isEmpty()) {
                    if (entity.kind() != 'R') {
                        yield null;
                    }
                    message = entity.children().get(0);
                }
                yield section.kind() == FetchRequest.Kind.TEXT
                        ? new Range(message.bodyStart(), message.bodyEnd() - message.bodyStart())
                        : new Range(message.headerStart(), message.bodyStart() - message.headerStart());
            }
        };
    }

    /** The entity a part number path names (the message itself for an empty path), or {@code null}. */
    static Node entity(Node root, List<Integer> path) {
        Node entity = root;
        for (int i = 0; i < path.size(); i++) {
            int number = path.get(i);
            if (i > 0) {
                // Numbers after a message/rfc822 part address its encapsulated message's parts.
                if (entity.kind() == 'R') {
                    entity = entity.children().get(0);
                } else if (entity.kind() != 'M') {
                    return null;
                }
            }
            if (entity.kind() == 'M') {
                if (number < 1 || number > entity.children().size()) {
                    return null;
                }
                entity = entity.children().get(number - 1);
            } else if (number != 1) {
                return null;
            }
        }
        return entity;
    }
}
