package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.FetchRequest;
import dev.merpati.mailbox.MimeParts;
import java.util.List;

/** Where a FETCH section (RFC 3501 §6.4.5) lies in a message, found in its stored part offsets. */
final class SectionRanges {

    /** A resolved range. */
    record Range(long offset, long length) {}

    private SectionRanges() {}

    /**
     * The range of a section, or {@code null} when the message has no such part. For HEADER.FIELDS
     * the range is the header to filter.
     */
    static Range resolve(MimeParts.Node root, FetchRequest.Section section) {
        List<Integer> path = section.part();
        MimeParts.Node entity = entity(root, path);
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
                MimeParts.Node message = entity;
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
    static MimeParts.Node entity(MimeParts.Node root, List<Integer> path) {
        MimeParts.Node entity = root;
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
