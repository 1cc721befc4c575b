package dev.merpati.mailbox;

/**
 * A folder with every counter a client that keeps the folder in sync asks for: those of {@link
 * Folder}, and how many messages are marked deleted and how many are recent (arrived since a session
 * last took the new ones, see {@link MailboxStore#syncState(long, String, boolean)}).
 */
public record FolderCounts(Folder folder, long recent, long deleted) {}
