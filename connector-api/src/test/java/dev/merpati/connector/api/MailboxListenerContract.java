package dev.merpati.connector.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the IMAP server relies on from a {@link MailboxListener}, run against every implementation:
 * the store behind the deployed endpoint and the in-memory fake the conversation tests use, so the
 * two cannot drift apart. Each test works in folders of its own.
 */
public abstract class MailboxListenerContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /**
     * The listener under test, called for one logged-in account that has an INBOX; every call runs
     * as the container would run it (its own transaction, that account as the caller).
     */
    protected abstract MailboxListener listener();

    private static String message(String subject, String body) {
        return "From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subject
                + "\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\n" + body + "\r\n";
    }

    private static MessageContent content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new MessageContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    private String newFolder() {
        String name = "Contract" + NAMES.incrementAndGet();
        assertEquals(
                FolderOutcome.DONE, listener().changeFolder(new FolderChange(FolderChange.Kind.CREATE, name, null)));
        return name;
    }

    private long append(String folder, String text, String... flags) {
        AppendOutcome outcome = listener().append(folder, List.of(flags), Instant.now(), content(text));
        assertTrue(outcome.folderExists());
        assertFalse(outcome.overQuota());
        return outcome.uid();
    }

    private FolderSnapshot select(String folder) {
        FolderSnapshot snapshot = listener().select(folder, false);
        assertNotNull(snapshot, folder);
        return snapshot;
    }

    @Test
    void appendedMessagesAreSelectedInUidOrderWithTheirFlags() {
        String folder = newFolder();
        long first = append(folder, message("one", "1"), "\\Seen");
        long second = append(folder, message("two", "2"));
        assertTrue(second > first);

        FolderSnapshot snapshot = select(folder);
        assertEquals(2, snapshot.status().messages());
        assertEquals(1, snapshot.status().unseen());
        assertEquals(
                List.of(first, second),
                snapshot.messages().stream().map(MessageFlags::uid).toList());
        assertTrue(snapshot.messages().get(0).flags().contains("\\Seen"));
        assertFalse(snapshot.messages().get(1).flags().contains("\\Seen"));
        assertTrue(snapshot.status().uidnext() > second);

        FolderStatus status = listener().status(folder);
        assertEquals(2, status.messages());
        assertEquals(1, status.unseen());
    }

    @Test
    void foldersAreCreatedRenamedAndDeleted() {
        String folder = newFolder();
        assertEquals(
                FolderOutcome.ALREADY_EXISTS,
                listener().changeFolder(new FolderChange(FolderChange.Kind.CREATE, folder, null)));
        assertTrue(listener().folders().stream().anyMatch(f -> f.name().equals(folder) && f.exists()));

        String renamed = folder + "Renamed";
        assertEquals(
                FolderOutcome.DONE,
                listener().changeFolder(new FolderChange(FolderChange.Kind.RENAME, folder, renamed)));
        assertNull(listener().status(folder));
        assertNotNull(listener().status(renamed));

        assertEquals(
                FolderOutcome.DONE, listener().changeFolder(new FolderChange(FolderChange.Kind.DELETE, renamed, null)));
        assertEquals(
                FolderOutcome.NO_SUCH_FOLDER,
                listener().changeFolder(new FolderChange(FolderChange.Kind.DELETE, renamed, null)));
        assertNull(listener().select(renamed, false));
        assertEquals(
                FolderOutcome.NOT_ALLOWED,
                listener().changeFolder(new FolderChange(FolderChange.Kind.DELETE, "INBOX", null)));
    }

    @Test
    void storeChangesFlagsWithANewModseqAndChangesAreSeenSinceTheKnownOne() {
        String folder = newFolder();
        long uid = append(folder, message("flags", "x"));
        FolderSnapshot before = select(folder);
        long folderId = before.status().folderId();
        long known = before.status().highestModseq();
        assertNull(listener().changesSince(folderId, known, true), "nothing changed yet");

        List<MessageFlags> added = listener()
                .store(
                        folderId,
                        List.of(uid),
                        new FlagChange(FlagChange.Mode.ADD, List.of("\\Flagged", "$Label1"), -1));
        assertEquals(1, added.size());
        assertTrue(added.get(0).flags().containsAll(List.of("\\Flagged", "$Label1")));
        assertTrue(added.get(0).modseq() > known);

        FolderSnapshot after = listener().changesSince(folderId, known, true);
        assertNotNull(after);
        assertTrue(after.messages().get(0).flags().contains("\\Flagged"));

        List<MessageFlags> replaced = listener()
                .store(folderId, List.of(uid), new FlagChange(FlagChange.Mode.REPLACE, List.of("\\Seen"), -1));
        assertEquals(List.of("\\Seen"), replaced.get(0).flags());
        List<MessageFlags> removed =
                listener().store(folderId, List.of(uid), new FlagChange(FlagChange.Mode.REMOVE, List.of("\\Seen"), -1));
        assertEquals(List.of(), removed.get(0).flags());
    }

    @Test
    void copyKeepsTheSourceMoveRemovesIt() {
        String source = newFolder();
        String target = newFolder();
        long a = append(source, message("a", "a"));
        long b = append(source, message("b", "b"));
        long sourceId = select(source).status().folderId();

        CopyOutcome copied = listener().copy(sourceId, List.of(a), target, false);
        assertTrue(copied.targetExists());
        assertEquals(List.of(a), copied.sourceUids());
        assertEquals(1, copied.targetUids().size());
        assertEquals(2, select(source).status().messages());

        CopyOutcome moved = listener().copy(sourceId, List.of(b), target, true);
        assertEquals(List.of(b), moved.sourceUids());
        assertEquals(1, select(source).status().messages());
        assertEquals(2, select(target).status().messages());

        assertFalse(listener().copy(sourceId, List.of(a), "NoSuchFolder", false).targetExists());
    }

    @Test
    void expungeRemovesOnlyDeletedMessages() {
        String folder = newFolder();
        long keep = append(folder, message("keep", "k"));
        long gone = append(folder, message("gone", "g"), "\\Deleted");
        long folderId = select(folder).status().folderId();

        assertEquals(List.of(gone), listener().expunge(folderId, null));
        assertEquals(
                List.of(keep),
                select(folder).messages().stream().map(MessageFlags::uid).toList());
        assertEquals(List.of(), listener().expunge(folderId, null));
    }

    @Test
    void aWholeMessageIsFetchedAsStored() {
        String folder = newFolder();
        String text = message("body", "The body.");
        long uid = append(folder, text);
        long folderId = select(folder).status().folderId();

        List<FetchedMessage> fetched = listener()
                .fetch(
                        folderId,
                        List.of(uid),
                        new FetchRequest(
                                List.of(new FetchRequest.Section(List.of(), FetchRequest.Kind.CONTENT, List.of())),
                                false));
        assertEquals(1, fetched.size());
        FetchedMessage message = fetched.get(0);
        assertEquals(text.length(), message.size());
        SectionData section = message.sections().get(0);
        byte[] octets = section.octets() != null
                ? section.octets()
                : listener().read(message.messageId(), section.offset(), (int) section.length());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), octets);
        assertFalse(message.flags().flags().contains("\\Seen"), "a PEEK-like fetch does not mark \\Seen");
    }

    @Test
    void appendToAMissingFolderStoresNothing() {
        AppendOutcome outcome = listener()
                .append("NoSuchFolder" + NAMES.incrementAndGet(), List.of(), null, content(message("x", "x")));
        assertFalse(outcome.folderExists());
    }
}
