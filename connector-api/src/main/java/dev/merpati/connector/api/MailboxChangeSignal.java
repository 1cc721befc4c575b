package dev.merpati.connector.api;

/**
 * A connection of {@link MailboxChangeSignalFactory}: call it after the transaction that changed a
 * folder has committed, never before (a session woken early would not see the change).
 */
public interface MailboxChangeSignal extends AutoCloseable {

    /**
     * @param folderId the changed folder's id, or -1 when the folder is not known
     */
    void folderChanged(long accountId, long folderId);

    @Override
    void close();
}
