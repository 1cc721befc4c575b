package dev.merpati.mailbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The octet ranges of a message's MIME entities, kept as compact text with the message so that
 * FETCH BODY[section] finds any part without parsing: {@code hs,bs,be,K} per entity where K is L
 * (leaf), M (multipart, children follow in parentheses) or R (message/rfc822, the encapsulated
 * message follows in parentheses). Written when a message is stored; read by FETCH through {@link
 * MessageStructure#partTree()}.
 */
public final class MimeParts {

    /**
     * An entity's ranges: where its header starts, where its body starts and ends; {@code kind} L
     * (leaf), M (multipart, {@code children} its parts) or R (message/rfc822, the one child its
     * message).
     */
    public record Node(long headerStart, long bodyStart, long bodyEnd, char kind, List<Node> children) {}

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

    /** The entities of a message from their stored text. */
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
}
