package dev.merpati.connector.api;

/**
 * A change to an account's folder list.
 *
 * @param name the folder acted on
 * @param newName the target of a RENAME, else {@code null}
 */
public record FolderChange(Kind kind, String name, String newName) {

    public enum Kind {
        CREATE,
        DELETE,
        RENAME,
        SUBSCRIBE,
        UNSUBSCRIBE
    }
}
