package dev.merpati.connector.api;

import java.util.List;

/**
 * A folder and all its messages, in UID order: what a selected session holds.
 *
 * @param recent the UIDs that are \Recent for the session that asked (ascending)
 */
public record FolderSnapshot(FolderStatus status, List<MessageFlags> messages, List<Long> recent) {

    public FolderSnapshot {
        messages = List.copyOf(messages);
        recent = List.copyOf(recent);
    }

    public FolderSnapshot(FolderStatus status, List<MessageFlags> messages) {
        this(status, messages, List.of());
    }
}
