package dev.merpati.connector.api;

/** The result of a {@link FolderChange}; the connector turns it into OK or NO. */
public enum FolderOutcome {
    DONE,
    NO_SUCH_FOLDER,
    ALREADY_EXISTS,
    /** INBOX cannot be deleted; a name that is not valid. */
    NOT_ALLOWED
}
