package dev.merpati.connector.imap.codec;

import dev.merpati.connector.api.MessageContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the IMAP grammar's tokens (RFC 3501 §9, RFC 9051 §9) from one {@link CommandInput}: atoms,
 * quoted strings, literals, numbers, sequence sets, flag lists. Every method either consumes a
 * well-formed token or throws {@link ImapSyntaxException}; nothing here allocates more than the input
 * already holds.
 */
public final class ImapParser {

    /** Deepest nesting of parenthesised lists accepted (SEARCH, FETCH). */
    public static final int MAX_DEPTH = 16;

    private final CommandInput input;
    private int lineIndex;
    private int pos;
    private int literalIndex;
    private String line;

    private final boolean pendingLiteral;

    public ImapParser(CommandInput input) {
        this(input, false);
    }

    /**
     * @param pendingLiteral the last line piece ends with a literal announcement whose octets have
     *     not arrived yet (used while framing)
     */
    public ImapParser(CommandInput input, boolean pendingLiteral) {
        this.input = input;
        this.pendingLiteral = pendingLiteral;
        this.line = input.lines().get(0);
    }

    public boolean onLastLine() {
        return lineIndex == input.lines().size() - 1;
    }

    public boolean atEnd() {
        return pos >= line.length() && lineIndex == input.lines().size() - 1;
    }

    public void end() throws ImapSyntaxException {
        if (!atEnd()) {
            throw new ImapSyntaxException("unexpected text after the command: " + excerpt());
        }
    }

    /** The next character, or 0 at the end of a line piece. */
    public char peek() {
        return pos < line.length() ? line.charAt(pos) : 0;
    }

    public boolean tryChar(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void expect(char c) throws ImapSyntaxException {
        if (!tryChar(c)) {
            throw new ImapSyntaxException("expected '" + c + "' at: " + excerpt());
        }
    }

    public void sp() throws ImapSyntaxException {
        expect(' ');
    }

    /** A tag: one or more ASTRING-CHARs other than '+'. */
    public String tag() throws ImapSyntaxException {
        int start = pos;
        while (pos < line.length() && isAstringChar(line.charAt(pos)) && line.charAt(pos) != '+') {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("missing tag");
        }
        return line.substring(start, pos);
    }

    public String atom() throws ImapSyntaxException {
        int start = pos;
        while (pos < line.length() && isAtomChar(line.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected an atom at: " + excerpt());
        }
        return line.substring(start, pos);
    }

    /** A FETCH item name: atom characters up to '[' or '<', upper-cased. */
    public String fetchName() throws ImapSyntaxException {
        int start = pos;
        while (pos < line.length()
                && isAtomChar(line.charAt(pos))
                && line.charAt(pos) != '['
                && line.charAt(pos) != '<') {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected a FETCH item at: " + excerpt());
        }
        return line.substring(start, pos).toUpperCase(Locale.ROOT);
    }

    /** An atom upper-cased, for keywords such as command names and FETCH items. */
    public String keyword() throws ImapSyntaxException {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** An atom made of ASTRING-CHARs (which allow ']'), a quoted string or a literal. */
    public String astring() throws ImapSyntaxException {
        char c = peek();
        if (c == '"' || atLiteral()) {
            return string();
        }
        int start = pos;
        while (pos < line.length() && isAstringChar(line.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected a string at: " + excerpt());
        }
        return line.substring(start, pos);
    }

    /** A mailbox name for LIST: list-chars (with the wildcards * and %) or a string. */
    public String listMailbox() throws ImapSyntaxException {
        char c = peek();
        if (c == '"' || atLiteral()) {
            return string();
        }
        int start = pos;
        while (pos < line.length()
                && (isAstringChar(line.charAt(pos)) || line.charAt(pos) == '%' || line.charAt(pos) == '*')) {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected a mailbox pattern at: " + excerpt());
        }
        return line.substring(start, pos);
    }

    /** A quoted string or a literal (decoded as UTF-8). */
    public String string() throws ImapSyntaxException {
        if (tryChar('"')) {
            StringBuilder text = new StringBuilder();
            while (true) {
                if (pos >= line.length()) {
                    throw new ImapSyntaxException("unterminated quoted string");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    return text.toString();
                }
                if (c == '\\') {
                    if (pos >= line.length()) {
                        throw new ImapSyntaxException("unterminated quoted string");
                    }
                    c = line.charAt(pos++);
                    if (c != '"' && c != '\\') {
                        throw new ImapSyntaxException("bad escape in quoted string");
                    }
                }
                text.append(c);
            }
        }
        Object literal = literal();
        if (literal instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new ImapSyntaxException("a message literal where a string was expected");
    }

    /** The message literal of APPEND. */
    public MessageContent messageLiteral() throws ImapSyntaxException {
        Object literal = literal();
        if (literal instanceof MessageContent content) {
            return content;
        }
        byte[] bytes = (byte[]) literal;
        return new BytesContent(bytes);
    }

    public boolean atLiteral() {
        LiteralAnnouncement announcement =
                lineIndex < input.lines().size() - 1 || pendingLiteral ? LiteralAnnouncement.at(line) : null;
        return announcement != null && announcement.start() == pos;
    }

    private Object literal() throws ImapSyntaxException {
        if (!atLiteral() || literalIndex >= input.literalCount()) {
            throw new ImapSyntaxException("expected a string at: " + excerpt());
        }
        Object literal = input.literal(literalIndex++);
        lineIndex++;
        line = input.lines().get(lineIndex);
        pos = 0;
        return literal;
    }

    public long number() throws ImapSyntaxException {
        int start = pos;
        long value = 0;
        while (pos < line.length() && Character.isDigit(line.charAt(pos)) && line.charAt(pos) < 128) {
            value = value * 10 + (line.charAt(pos) - '0');
            if (value > 0xFFFF_FFFF_FFFFL) {
                throw new ImapSyntaxException("number too large");
            }
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected a number at: " + excerpt());
        }
        return value;
    }

    public long nzNumber() throws ImapSyntaxException {
        long value = number();
        if (value == 0) {
            throw new ImapSyntaxException("zero is not allowed here");
        }
        return value;
    }

    public SequenceSet sequenceSet() throws ImapSyntaxException {
        int start = pos;
        while (pos < line.length() && "0123456789:*,$".indexOf(line.charAt(pos)) >= 0) {
            pos++;
        }
        return SequenceSet.parse(line.substring(start, pos));
    }

    /** Whether the next token looks like a sequence set. */
    public boolean atSequenceSet() {
        char c = peek();
        return (c >= '0' && c <= '9') || c == '*' || c == '$';
    }

    /** "(" [flag *(SP flag)] ")". */
    public List<String> flagList() throws ImapSyntaxException {
        expect('(');
        List<String> flags = new ArrayList<>();
        if (tryChar(')')) {
            return flags;
        }
        do {
            flags.add(flag());
        } while (tryChar(' '));
        expect(')');
        return flags;
    }

    /** A flag: "\" atom or a keyword atom. */
    public String flag() throws ImapSyntaxException {
        if (tryChar('\\')) {
            if (tryChar('*')) {
                return "\\*";
            }
            return "\\" + atom();
        }
        return atom();
    }

    /** The rest of the current line piece, for error messages. */
    public String excerpt() {
        String rest = line.substring(Math.min(pos, line.length()));
        return rest.length() > 40 ? rest.substring(0, 40) + "..." : rest.isEmpty() ? "(end)" : rest;
    }

    static boolean isAtomChar(char c) {
        return c > 0x20 && c < 0x7f && "(){ %*\"\\]".indexOf(c) < 0;
    }

    static boolean isAstringChar(char c) {
        return isAtomChar(c) || c == ']';
    }

    /** A small literal handed over as message content. */
    private record BytesContent(byte[] bytes) implements MessageContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public java.io.InputStream openStream() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }
}
