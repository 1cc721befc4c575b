package dev.merpati.connector.api;

/**
 * A folder of an account, as LIST shows it.
 *
 * @param name the full name, hierarchy delimited by '/'
 * @param specialUse the RFC 6154 attribute without backslash (Drafts, Sent, Trash, Junk, Archive) or
 *     {@code null}
 */
public record FolderInfo(String name, String specialUse, boolean subscribed) {}
