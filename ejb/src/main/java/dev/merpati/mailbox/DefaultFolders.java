package dev.merpati.mailbox;

import java.util.List;

/** The folders every account gets: INBOX and the RFC 6154 special-use folders. */
public final class DefaultFolders {

    /** @param specialUse the RFC 6154 attribute without its backslash, or null */
    public record Folder(String name, String specialUse) {}

    public static final List<Folder> ALL = List.of(
            new Folder(Mailbox.INBOX, null),
            new Folder("Drafts", "Drafts"),
            new Folder("Sent", "Sent"),
            new Folder("Trash", "Trash"),
            new Folder("Junk", "Junk"),
            new Folder("Archive", "Archive"));

    private DefaultFolders() {}
}
