package dev.merpati;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.account.AccountMailboxOwners;
import dev.merpati.account.AccountRepository;
import dev.merpati.account.AccountService;
import dev.merpati.account.AuthCacheHolder;
import dev.merpati.mailbox.AppendResult;
import dev.merpati.mailbox.CopyResult;
import dev.merpati.mailbox.Flag;
import dev.merpati.mailbox.FlagUpdate;
import dev.merpati.mailbox.Folder;
import dev.merpati.mailbox.FolderResult;
import dev.merpati.mailbox.MailboxRepository;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.MessageAppender;
import dev.merpati.mailbox.MessageDetails;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.mailbox.MimeNode;
import dev.merpati.mailbox.Page;
import dev.merpati.mailbox.PageRequest;
import dev.merpati.mailbox.Quotas;
import dev.merpati.mailbox.SearchCriteria;
import dev.merpati.mailbox.SortKey;
import dev.merpati.mailbox.SpecialUse;
import dev.merpati.mailbox.SubscriptionRepository;
import dev.merpati.settings.MailSettings;
import dev.merpati.store.BodyStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every front end may rely on from the mailbox store, checked against the JPA store on H2:
 * folders and their counters, pages ordered and cut by the database, the typed envelope and MIME
 * structure, streamed bodies, flags, copy, move, expunge, append, quota, and that nothing of
 * another account is ever reached.
 */
class MailboxStoreContractTest {

    private static TestContainer container;
    private static MailboxStore store;
    private static AccountService accounts;
    private static long owner;
    private static long stranger;

    @BeforeAll
    static void start() {
        container = new TestContainer("mailbox-contract");
        container.add(MailSettings.defaults());
        container.add(new AccountRepository());
        container.add(new AccountMailboxOwners());
        container.add(new MailboxRepository());
        container.add(new MessageAppender());
        container.add(new Quotas());
        container.add(new BodyStore());
        container.add(new SubscriptionRepository());
        container.add(new AuthCacheHolder());
        accounts = container.add(new AccountService());
        store = container.add(new MailboxStore());
        container.wire();
        owner = container
                .inTransaction(() -> accounts.createAccount("owner@contract.test", "secret-1"))
                .id();
        stranger = container
                .inTransaction(() -> accounts.createAccount("stranger@contract.test", "secret-2"))
                .id();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    private static String message(String from, String to, String subject, String date, String body) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: " + date + "\r\nMessage-ID: <"
                + subject.hashCode() + "@contract.test>\r\n\r\n" + body + "\r\n";
    }

    private static AppendResult append(long account, String folder, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return container.inTransaction(() -> store.append(
                account,
                folder,
                new ByteArrayInputStream(bytes),
                bytes.length,
                Set.of(),
                List.of(),
                Instant.parse("2026-01-02T03:04:05Z")));
    }

    private static Folder folder(long account, String path) {
        return container.inTransaction(() -> store.folder(account, path)).orElseThrow();
    }

    private static Page page(long account, String path, PageRequest request) {
        long folderId = folder(account, path).id();
        return container
                .inTransaction(() -> store.page(account, folderId, request))
                .orElseThrow();
    }

    @Test
    void newAccountsHaveInboxAndTheSpecialUseFolders() {
        List<Folder> folders = container.inTransaction(() -> store.folders(stranger));
        assertEquals(
                List.of("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash"),
                folders.stream().map(Folder::path).sorted().toList());
        assertEquals(
                SpecialUse.TRASH,
                folders.stream()
                        .filter(f -> f.path().equals("Trash"))
                        .findFirst()
                        .orElseThrow()
                        .specialUse());
    }

    @Test
    void foldersAreCreatedWithTheirParentsRenamedWithTheirChildrenAndDeleted() {
        assertEquals(FolderResult.DONE, container.inTransaction(() -> store.createFolder(owner, "Work/2026/Q1")));
        assertEquals(FolderResult.ALREADY_EXISTS, container.inTransaction(() -> store.createFolder(owner, "Work")));
        assertEquals(FolderResult.NOT_ALLOWED, container.inTransaction(() -> store.createFolder(owner, "a//b")));
        assertEquals(FolderResult.NOT_ALLOWED, container.inTransaction(() -> store.createFolder(owner, "x*")));
        assertEquals("Q1", folder(owner, "Work/2026/Q1").name());
        assertEquals("Work/2026", folder(owner, "Work/2026/Q1").parentPath());

        assertEquals(FolderResult.DONE, container.inTransaction(() -> store.renameFolder(owner, "Work", "Job")));
        assertTrue(container
                .inTransaction(() -> store.folder(owner, "Job/2026/Q1"))
                .isPresent());
        assertTrue(container.inTransaction(() -> store.folder(owner, "Work")).isEmpty());
        assertEquals(
                FolderResult.NOT_ALLOWED, container.inTransaction(() -> store.renameFolder(owner, "Job", "Job/Sub")));

        assertEquals(FolderResult.DONE, container.inTransaction(() -> store.deleteFolder(owner, "Job/2026/Q1")));
        assertEquals(
                FolderResult.NO_SUCH_FOLDER, container.inTransaction(() -> store.deleteFolder(owner, "Job/2026/Q1")));
        assertEquals(FolderResult.NOT_ALLOWED, container.inTransaction(() -> store.deleteFolder(owner, "inbox")));
        // the subscription outlives the deleted folder
        assertTrue(container
                .inTransaction(() -> store.subscriptionsWithoutFolder(owner))
                .contains("Job/2026/Q1"));
        assertEquals(FolderResult.DONE, container.inTransaction(() -> store.subscribe(owner, "Job/2026/Q1", false)));
        assertFalse(container
                .inTransaction(() -> store.subscriptionsWithoutFolder(owner))
                .contains("Job/2026/Q1"));
    }

    @Test
    void pagesAreOrderedByEveryKeyAndCutByTheDatabase() {
        container.inTransaction(() -> store.createFolder(owner, "Paging"));
        append(
                owner,
                "Paging",
                message("carol@x.test", "zed@x.test", "banana", "Tue, 3 Mar 2026 10:00:00 +0000", "b".repeat(300)));
        append(
                owner,
                "Paging",
                message("alice@x.test", "yan@x.test", "Cherry", "Sun, 1 Mar 2026 10:00:00 +0000", "c".repeat(100)));
        append(
                owner,
                "Paging",
                message("bob@x.test", "xia@x.test", "apple", "Mon, 2 Mar 2026 10:00:00 +0000", "a".repeat(200)));

        Page newest = page(owner, "Paging", PageRequest.newestFirst(0, 2));
        assertEquals(3, newest.total());
        assertEquals(List.of("banana", "apple"), subjects(newest));
        assertEquals(List.of("Cherry"), subjects(page(owner, "Paging", PageRequest.newestFirst(2, 2))));

        assertEquals(List.of("apple", "banana", "Cherry"), subjects(page(owner, "Paging", sorted(SortKey.SUBJECT))));
        assertEquals(List.of("Cherry", "apple", "banana"), subjects(page(owner, "Paging", sorted(SortKey.FROM))));
        assertEquals(List.of("apple", "Cherry", "banana"), subjects(page(owner, "Paging", sorted(SortKey.TO))));
        assertEquals(List.of("Cherry", "apple", "banana"), subjects(page(owner, "Paging", sorted(SortKey.SIZE))));
        assertEquals(List.of("banana", "Cherry", "apple"), subjects(page(owner, "Paging", sorted(SortKey.UID))));
        assertEquals(
                List.of("apple", "Cherry", "banana"),
                subjects(page(owner, "Paging", new PageRequest(SortKey.UID, true, 0, 10))));

        MessageSummary first =
                page(owner, "Paging", sorted(SortKey.UID)).messages().get(0);
        assertEquals("carol@x.test", first.from());
        assertEquals("zed@x.test", first.to());
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), first.date());
        assertFalse(first.seen());
    }

    private static PageRequest sorted(SortKey key) {
        return new PageRequest(key, false, 0, 10);
    }

    private static List<String> subjects(Page page) {
        return page.messages().stream().map(MessageSummary::subject).toList();
    }

    @Test
    void aMessageComesWithItsEnvelopeAndMimeTreeAndStreamsAsStored() {
        String raw = "From: =?UTF-8?B?RMOpd2k=?= <dewi@x.test>\r\n"
                + "To: owner@contract.test, \"Bob B\" <bob@x.test>\r\n"
                + "Cc: carol@x.test\r\n"
                + "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=\r\n"
                + "Date: Wed, 4 Mar 2026 08:00:00 +0100\r\n"
                + "Message-ID: <m1@x.test>\r\n"
                + "In-Reply-To: <m0@x.test>\r\n"
                + "References: <a@x.test> <m0@x.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"../../etc/report.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"../../etc/report.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n"
                + "--b1--\r\n";
        long uid = append(owner, "INBOX", raw).uid();
        long inbox = folder(owner, "INBOX").id();

        MessageDetails details =
                container.inTransaction(() -> store.message(owner, inbox, uid)).orElseThrow();
        assertEquals("Grüße", details.envelope().subject());
        assertEquals("Déwi", details.envelope().from().get(0).name());
        assertEquals("dewi@x.test", details.envelope().from().get(0).address());
        assertEquals(2, details.envelope().to().size());
        assertEquals("Bob B <bob@x.test>", details.envelope().to().get(1).display());
        assertEquals("carol@x.test", details.envelope().cc().get(0).address());
        assertEquals("<m0@x.test>", details.envelope().inReplyTo());
        assertEquals(List.of("<a@x.test>", "<m0@x.test>"), details.envelope().references());
        assertEquals(Instant.parse("2026-03-04T07:00:00Z"), details.envelope().date());

        MimeNode root = details.structure();
        assertEquals("multipart/mixed", root.mimeType());
        assertEquals(2, root.children().size());
        MimeNode text = root.find("1");
        assertEquals("text/plain", text.mimeType());
        assertEquals("utf-8", text.charset());
        MimeNode pdf = root.find("2");
        assertEquals("report.pdf", pdf.fileName());
        assertEquals("base64", pdf.transferEncoding());
        assertTrue(pdf.isAttachment());
        assertTrue(details.summary().hasAttachment());

        // read within the transaction: the test container has no connections outside one
        byte[] streamed = container.inTransaction(() -> {
            try (InputStream in = store.open(owner, details.summary().id()).orElseThrow()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertArrayEquals(raw.getBytes(StandardCharsets.UTF_8), streamed);
        // a part is read decoded from its transfer encoding
        assertEquals("%PDF-", new String(part(inbox, uid, "2"), StandardCharsets.US_ASCII));
        assertEquals("Hello", new String(part(inbox, uid, "1"), StandardCharsets.UTF_8));
        assertTrue(container
                .inTransaction(() -> store.openPart(owner, inbox, uid, "3"))
                .isEmpty());
        assertTrue(container
                .inTransaction(() -> store.openPart(stranger, inbox, uid, "2"))
                .isEmpty());

        byte[] range = container.inTransaction(
                () -> store.read(owner, details.summary().id(), 6, 4));
        assertEquals("=?UT", new String(range, StandardCharsets.US_ASCII));
    }

    private static byte[] part(long folderId, long uid, String path) {
        return container.inTransaction(() -> {
            try (InputStream in =
                    store.openPart(owner, folderId, uid, path).orElseThrow().content()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void searchFindsByTextFlagsDatesAndSizeInTheDatabaseAndInBodies() {
        container.inTransaction(() -> store.createFolder(owner, "Searching"));
        append(
                owner,
                "Searching",
                message("carol@x.test", "zed@x.test", "Invoice March", "Tue, 3 Mar 2026 10:00:00 +0000", "pay soon"));
        append(
                owner,
                "Searching",
                message(
                        "alice@x.test",
                        "yan@x.test",
                        "Lunch",
                        "Sun, 1 Mar 2026 10:00:00 +0000",
                        "the invoice is attached"));
        append(
                owner,
                "Searching",
                message("bob@x.test", "xia@x.test", "Holiday", "Mon, 2 Mar 2026 10:00:00 +0000", "x".repeat(2000)));
        long folderId = folder(owner, "Searching").id();
        PageRequest newest = PageRequest.newestFirst(0, 10);

        assertEquals(List.of("Invoice March"), subjects(search(folderId, SearchCriteria.text("invoice"), newest)));
        assertEquals(
                List.of("Invoice March", "Lunch"),
                subjects(search(
                        folderId,
                        SearchCriteria.text("INVOICE", SearchCriteria.Field.SUBJECT, SearchCriteria.Field.BODY),
                        newest)));
        assertEquals(List.of("Lunch"), subjects(search(folderId, SearchCriteria.text("alice"), newest)));
        assertEquals(
                List.of("Holiday"),
                subjects(search(folderId, SearchCriteria.text("xia@", SearchCriteria.Field.TO), newest)));
        assertEquals(
                List.of("Holiday"),
                subjects(search(folderId, SearchCriteria.text(null).sized(1000L, null), newest)));
        assertEquals(
                List.of("Holiday", "Lunch"),
                subjects(search(
                        folderId,
                        SearchCriteria.text(null)
                                .between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z")),
                        newest)));
        Page percent = search(folderId, SearchCriteria.text("%"), newest);
        assertEquals(0, percent.total(), "LIKE wildcards in the text are literal");

        long lunch = page(owner, "Searching", new PageRequest(SortKey.SUBJECT, false, 2, 1))
                .messages()
                .get(0)
                .uid();
        container.inTransaction(() -> store.updateFlags(owner, folderId, List.of(lunch), FlagUpdate.add(Flag.FLAGGED)));
        Page flagged = search(folderId, SearchCriteria.text(null).withFlags(Set.of(Flag.FLAGGED)), newest);
        assertEquals(1, flagged.total());
        assertEquals(List.of("Lunch"), subjects(flagged));
        assertEquals(
                2,
                search(folderId, SearchCriteria.text(null).withoutFlags(Set.of(Flag.FLAGGED)), newest)
                        .total());
        assertTrue(container
                .inTransaction(() -> store.search(stranger, folderId, SearchCriteria.text("invoice"), newest))
                .isEmpty());
    }

    private static Page search(long folderId, SearchCriteria criteria, PageRequest request) {
        return container
                .inTransaction(() -> store.search(owner, folderId, criteria, request))
                .orElseThrow();
    }

    @Test
    void theBodyOfAMessageOfOnePartIsPartOne() {
        String raw = "Subject: plain\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe\r\n";
        long uid = append(owner, "INBOX", raw).uid();
        long inbox = folder(owner, "INBOX").id();
        assertEquals("Grüße\r\n", new String(part(inbox, uid, "1"), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void flagsAndKeywordsChangeWithANewModseq() {
        long uid = append(
                        owner, "INBOX", message("a@x.test", "b@x.test", "flags", "Mon, 2 Mar 2026 10:00:00 +0000", "x"))
                .uid();
        long inbox = folder(owner, "INBOX").id();
        long before = folder(owner, "INBOX").highestModseq();

        var added = container.inTransaction(
                () -> store.updateFlags(owner, inbox, List.of(uid), FlagUpdate.add(Flag.SEEN, Flag.FLAGGED)));
        assertEquals(Set.of(Flag.SEEN, Flag.FLAGGED), added.get(0).flags());
        assertTrue(added.get(0).modseq() > before);

        container.inTransaction(
                () -> store.updateFlags(owner, inbox, List.of(uid), FlagUpdate.addKeyword("$Forwarded")));
        var again = container.inTransaction(
                () -> store.updateFlags(owner, inbox, List.of(uid), FlagUpdate.addKeyword("$forwarded")));
        assertEquals(List.of("$Forwarded"), again.get(0).keywords(), "keywords compare without case");

        var removed = container.inTransaction(
                () -> store.updateFlags(owner, inbox, List.of(uid), FlagUpdate.remove(Flag.FLAGGED)));
        assertEquals(Set.of(Flag.SEEN), removed.get(0).flags());

        MessageSummary line = page(owner, "INBOX", new PageRequest(SortKey.UID, true, 0, 1))
                .messages()
                .get(0);
        assertTrue(line.seen());
        assertTrue(line.forwarded());
        assertEquals(
                folder(owner, "INBOX").unseen(),
                container.inTransaction(() -> store.folders(owner)).stream()
                        .filter(f -> f.path().equals("INBOX"))
                        .findFirst()
                        .orElseThrow()
                        .unseen());
    }

    @Test
    void copyMoveAndExpunge() {
        container.inTransaction(() -> store.createFolder(owner, "From"));
        container.inTransaction(() -> store.createFolder(owner, "To"));
        long a = append(owner, "From", message("a@x.test", "b@x.test", "one", "Mon, 2 Mar 2026 10:00:00 +0000", "1"))
                .uid();
        long b = append(owner, "From", message("a@x.test", "b@x.test", "two", "Mon, 2 Mar 2026 11:00:00 +0000", "2"))
                .uid();
        long from = folder(owner, "From").id();

        CopyResult copied = container.inTransaction(() -> store.copy(owner, from, List.of(a), "To", false));
        assertEquals(CopyResult.Status.DONE, copied.status());
        assertEquals(List.of(a), copied.sourceUids());
        assertEquals(2, folder(owner, "From").messages());
        assertEquals(1, folder(owner, "To").messages());

        CopyResult moved = container.inTransaction(() -> store.copy(owner, from, List.of(b), "To", true));
        assertEquals(CopyResult.Status.DONE, moved.status());
        assertEquals(1, folder(owner, "From").messages());
        assertEquals(2, folder(owner, "To").messages());
        assertEquals(
                CopyResult.Status.NO_SUCH_FOLDER,
                container
                        .inTransaction(() -> store.copy(owner, from, List.of(a), "Nowhere", false))
                        .status());

        container.inTransaction(() -> store.updateFlags(owner, from, List.of(a), FlagUpdate.add(Flag.DELETED)));
        assertEquals(List.of(a), container.inTransaction(() -> store.expunge(owner, from, null)));
        assertEquals(0, folder(owner, "From").messages());
    }

    @Test
    void theQuotaStopsAnAppendThatWouldExceedIt() {
        long account = container
                .inTransaction(() -> accounts.createAccount("small@contract.test", "secret-3"))
                .id();
        container.inTransaction(() -> accounts.setQuota("small@contract.test", 100L));
        assertEquals(100, container.inTransaction(() -> store.quota(account)).limitBytes());
        String big = message("a@x.test", "b@x.test", "big", "Mon, 2 Mar 2026 10:00:00 +0000", "x".repeat(200));
        assertEquals(
                AppendResult.Status.OVER_QUOTA, append(account, "INBOX", big).status());
        assertEquals(0, folder(account, "INBOX").messages());
        assertEquals(
                AppendResult.Status.NO_SUCH_FOLDER, append(account, "Nope", "x").status());
    }

    @Test
    void anotherAccountsFoldersAndMessagesAreNotThere() {
        long uid = append(
                        owner,
                        "INBOX",
                        message("a@x.test", "b@x.test", "private", "Mon, 2 Mar 2026 10:00:00 +0000", "secret"))
                .uid();
        Folder inbox = folder(owner, "INBOX");
        long messageId = page(owner, "INBOX", new PageRequest(SortKey.UID, true, 0, 1))
                .messages()
                .get(0)
                .id();

        assertTrue(container
                .inTransaction(() -> store.page(stranger, inbox.id(), PageRequest.newestFirst(0, 10)))
                .isEmpty());
        assertTrue(container
                .inTransaction(() -> store.message(stranger, inbox.id(), uid))
                .isEmpty());
        assertTrue(
                container.inTransaction(() -> store.open(stranger, messageId)).isEmpty());
        assertThrows(
                IllegalArgumentException.class,
                () -> container.inTransaction(() -> store.read(stranger, messageId, 0, 10)));
        assertTrue(container
                .inTransaction(() -> store.updateFlags(stranger, inbox.id(), List.of(uid), FlagUpdate.add(Flag.SEEN)))
                .isEmpty());
        assertEquals(
                CopyResult.Status.NO_SUCH_FOLDER,
                container
                        .inTransaction(() -> store.copy(stranger, inbox.id(), List.of(uid), "INBOX", true))
                        .status());
        assertTrue(container
                .inTransaction(() -> store.expunge(stranger, inbox.id(), null))
                .isEmpty());
        assertEquals(0, (int) container.inTransaction(() -> store.remove(stranger, inbox.id(), List.of(messageId))));
        assertTrue(
                container.inTransaction(() -> store.uids(stranger, inbox.id())).isEmpty());
        // and the owner's message is untouched
        assertFalse(page(owner, "INBOX", new PageRequest(SortKey.UID, true, 0, 1))
                .messages()
                .get(0)
                .seen());
    }
}
