package dev.merpati.connector.api;

import java.util.List;

/**
 * A folder and all its messages, in UID order: what a selected session holds.
 */
public record FolderSnapshot(FolderStatus status, List<MessageFlags> messages) {

    public FolderSnapshot {
        messages = List.copyOf(messages);
    }
}
