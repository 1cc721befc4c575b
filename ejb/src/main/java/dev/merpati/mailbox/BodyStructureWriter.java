package dev.merpati.mailbox;

import java.util.List;
import java.util.Locale;

/** Writes BODY and BODYSTRUCTURE (RFC 3501 §7.4.2) of a parsed MIME structure. */
final class BodyStructureWriter {

    private BodyStructureWriter() {}

    static String write(MimePart part, boolean extensions) {
        StringBuilder out = new StringBuilder();
        write(part, extensions, out);
        return out.toString();
    }

    private static void write(MimePart part, boolean extensions, StringBuilder out) {
        out.append('(');
        if (part.isMultipart() && !part.children.isEmpty()) {
            for (MimePart child : part.children) {
                write(child, extensions, out);
            }
            out.append(' ').append(quoted(part.subtype.toUpperCase(Locale.ROOT)));
            if (extensions) {
                out.append(' ').append(parameters(part.parameters));
                out.append(' ').append(disposition(part));
                out.append(' ').append(MessageStructure.nstring(part.language));
                out.append(' ').append(MessageStructure.nstring(part.location));
            }
            out.append(')');
            return;
        }
        String type = part.isMultipart() ? "text" : part.type;
        String subtype = part.isMultipart() ? "plain" : part.subtype;
        out.append(quoted(type.toUpperCase(Locale.ROOT))).append(' ');
        out.append(quoted(subtype.toUpperCase(Locale.ROOT))).append(' ');
        out.append(parameters(part.parameters)).append(' ');
        out.append(MessageStructure.nstring(part.id)).append(' ');
        out.append(MessageStructure.nstring(part.description)).append(' ');
        out.append(quoted(part.encoding)).append(' ');
        out.append(part.bodyEnd - part.bodyStart);
        if (part.isMessage() && part.message != null) {
            out.append(' ').append(MessageStructure.of(part.message).envelope()).append(' ');
            write(part.message, extensions, out);
            out.append(' ').append(part.lines);
        } else if (type.equalsIgnoreCase("text")) {
            out.append(' ').append(part.lines);
        }
        if (extensions) {
            out.append(' ').append(MessageStructure.nstring(part.md5));
            out.append(' ').append(disposition(part));
            out.append(' ').append(MessageStructure.nstring(part.language));
            out.append(' ').append(MessageStructure.nstring(part.location));
        }
        out.append(')');
    }

    private static String disposition(MimePart part) {
        if (part.disposition == null) {
            return "NIL";
        }
        return "(" + quoted(part.disposition.toUpperCase(Locale.ROOT)) + " " + parameters(part.dispositionParameters)
                + ")";
    }

    private static String parameters(List<String[]> parameters) {
        if (parameters.isEmpty()) {
            return "NIL";
        }
        StringBuilder out = new StringBuilder("(");
        for (String[] parameter : parameters) {
            if (out.length() > 1) {
                out.append(' ');
            }
            out.append(quoted(parameter[0].toUpperCase(Locale.ROOT)))
                    .append(' ')
                    .append(quoted(parameter[1]));
        }
        return out.append(')').toString();
    }

    private static String quoted(String value) {
        return MessageStructure.nstring(value == null ? "" : value);
    }
}
