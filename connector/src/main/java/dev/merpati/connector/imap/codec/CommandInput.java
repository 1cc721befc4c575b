package dev.merpati.connector.imap.codec;

import dev.merpati.connector.api.MessageContent;
import java.util.ArrayList;
import java.util.List;

/**
 * One complete IMAP command as it arrived: its line pieces (without CRLF; every piece but the last
 * ends with a literal announcement {@code {n}} or {@code {n+}}) and the literals between them. A
 * literal is either small octets or, for an APPEND message, spooled content.
 */
public final class CommandInput {

    private final List<String> lines = new ArrayList<>();
    private final List<Object> literals = new ArrayList<>();

    public static CommandInput of(String line) {
        CommandInput input = new CommandInput();
        input.addLine(line);
        return input;
    }

    public void addLine(String line) {
        lines.add(line);
    }

    public void addLiteral(byte[] octets) {
        literals.add(octets);
    }

    public void addLiteral(MessageContent content) {
        literals.add(content);
    }

    public List<String> lines() {
        return lines;
    }

    /** A literal: {@code byte[]} or {@link MessageContent}. */
    Object literal(int index) {
        return literals.get(index);
    }

    int literalCount() {
        return literals.size();
    }

    /** The command text with literals shown as their announcements, for logs. */
    @Override
    public String toString() {
        return String.join(" ", lines);
    }
}
