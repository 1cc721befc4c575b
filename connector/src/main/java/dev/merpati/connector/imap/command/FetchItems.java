package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** The data items of a FETCH (RFC 3501 §6.4.5), parsed; macros expanded. */
final class FetchItems {

    /** One item: a plain name (FLAGS, UID, ...) or a body section. */
    record Item(String name, FetchRequest.Section section, boolean peek, long partialStart, long partialLength) {

        boolean isSection() {
            return section != null;
        }

        /** BINARY.SIZE[part]: the decoded size instead of the octets. */
        boolean sizeOnly() {
            return name.startsWith("BINARY.SIZE");
        }

        /** The item's name in the response: BODY.PEEK is answered as BODY, a partial shows its origin. */
        String label() {
            if (!isSection() || name.startsWith("RFC822")) {
                return name;
            }
            return name + (partialStart >= 0 ? "<" + partialStart + ">" : "");
        }
    }

    final List<Item> items = new ArrayList<>();

    static FetchItems parse(ImapParser parser) throws ImapSyntaxException {
        FetchItems result = new FetchItems();
        if (parser.tryChar('(')) {
            do {
                result.item(parser);
            } while (parser.tryChar(' '));
            parser.expect(')');
        } else {
            result.item(parser);
        }
        return result;
    }

    private void item(ImapParser parser) throws ImapSyntaxException {
        String name = parser.fetchName();
        switch (name) {
            case "ALL" -> simple("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE");
            case "FAST" -> simple("FLAGS", "INTERNALDATE", "RFC822.SIZE");
            case "FULL" -> simple("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY");
            case "FLAGS", "UID", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE", "MODSEQ" -> simple(name);
            case "RFC822" -> items.add(section("RFC822", FetchRequest.Kind.CONTENT, false));
            case "RFC822.HEADER" -> items.add(section("RFC822.HEADER", FetchRequest.Kind.HEADER, true));
            case "RFC822.TEXT" -> items.add(section("RFC822.TEXT", FetchRequest.Kind.TEXT, false));
            case "BODY", "BODY.PEEK" -> {
                if (parser.peek() != '[') {
                    if (name.equals("BODY.PEEK")) {
                        throw new ImapSyntaxException("BODY.PEEK needs a section");
                    }
                    simple("BODY");
                    return;
                }
                items.add(sectionItem(parser, name.equals("BODY.PEEK")));
            }
            case "BINARY", "BINARY.PEEK", "BINARY.SIZE" -> items.add(binaryItem(parser, name));
            default -> throw new ImapSyntaxException("unknown FETCH item " + name);
        }
    }

    private void simple(String... names) {
        for (String name : names) {
            items.add(new Item(name, null, false, -1, -1));
        }
    }

    private static Item section(String name, FetchRequest.Kind kind, boolean peek) {
        return new Item(name, new FetchRequest.Section(List.of(), kind, List.of()), peek, -1, -1);
    }

    private static Item sectionItem(ImapParser parser, boolean peek) throws ImapSyntaxException {
        parser.expect('[');
        List<Integer> part = new ArrayList<>();
        StringBuilder label = new StringBuilder("BODY[");
        FetchRequest.Kind kind = FetchRequest.Kind.CONTENT;
        List<String> fields = new ArrayList<>();
        while (parser.peek() >= '0' && parser.peek() <= '9') {
            long number = parser.nzNumber();
            if (number > 10_000 || part.size() >= ImapParser.MAX_DEPTH) {
                throw new ImapSyntaxException("part number out of range");
            }
            part.add((int) number);
            label.append(number);
            if (!parser.tryChar('.')) {
                break;
            }
            label.append('.');
        }
        if (parser.peek() != ']') {
            String specifier = parser.keyword();
            label.append(specifier);
            switch (specifier) {
                case "HEADER" -> kind = FetchRequest.Kind.HEADER;
                case "TEXT" -> kind = FetchRequest.Kind.TEXT;
                case "MIME" -> {
                    if (part.isEmpty()) {
                        throw new ImapSyntaxException("MIME needs a part number");
                    }
                    kind = FetchRequest.Kind.MIME;
                }
                case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
                    kind = specifier.endsWith(".NOT")
                            ? FetchRequest.Kind.HEADER_FIELDS_NOT
                            : FetchRequest.Kind.HEADER_FIELDS;
                    parser.sp();
                    parser.expect('(');
                    do {
                        fields.add(parser.astring());
                    } while (parser.tryChar(' '));
                    parser.expect(')');
                    label.append(" (").append(String.join(" ", fields)).append(')');
                }
                default -> throw new ImapSyntaxException("unknown section " + specifier);
            }
        } else if (!part.isEmpty() && label.charAt(label.length() - 1) == '.') {
            throw new ImapSyntaxException("section ends with '.'");
        }
        parser.expect(']');
        label.append(']');
        long start = -1;
        long length = -1;
        if (parser.tryChar('<')) {
            start = parser.number();
            parser.expect('.');
            length = parser.nzNumber();
            parser.expect('>');
        }
        return new Item(label.toString(), new FetchRequest.Section(part, kind, fields), peek, start, length);
    }

    /** BINARY[part]<partial>, BINARY.PEEK[part]<partial>, BINARY.SIZE[part] (RFC 3516 §4.2). */
    private static Item binaryItem(ImapParser parser, String name) throws ImapSyntaxException {
        parser.expect('[');
        List<Integer> part = new ArrayList<>();
        while (parser.peek() != ']') {
            if (!part.isEmpty()) {
                parser.expect('.');
            }
            long number = parser.nzNumber();
            if (number > 10_000 || part.size() >= ImapParser.MAX_DEPTH) {
                throw new ImapSyntaxException("part number out of range");
            }
            part.add((int) number);
        }
        parser.expect(']');
        String label = (name.equals("BINARY.SIZE") ? "BINARY.SIZE[" : "BINARY[")
                + String.join(".", part.stream().map(String::valueOf).toList()) + "]";
        long start = -1;
        long length = -1;
        if (!name.equals("BINARY.SIZE") && parser.tryChar('<')) {
            start = parser.number();
            parser.expect('.');
            length = parser.nzNumber();
            parser.expect('>');
        }
        return new Item(
                label,
                new FetchRequest.Section(part, FetchRequest.Kind.BINARY, List.of()),
                !name.equals("BINARY"),
                start,
                length);
    }

    List<FetchRequest.Section> sections() {
        return items.stream().filter(Item::isSection).map(Item::section).toList();
    }

    boolean marksSeen() {
        return items.stream().anyMatch(i -> i.isSection() && !i.peek());
    }

    boolean has(String name) {
        return items.stream().anyMatch(i -> !i.isSection() && i.name().equals(name));
    }
}
