package dev.merpati.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.net.TestServers;
import dev.merpati.testkit.ScriptClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP conversations over a real socket, client line / expected server line, as in RFC 3501's examples. */
class ImapConversationTest {

    private static final String FIRST = "From: a@x.test\r\nSubject: one\r\n\r\nhello\r\nworld\r\n";
    private static final String SECOND = "Subject: two\r\n\r\nsecond body\r\n";

    private final FakeMailbox mailbox = new FakeMailbox();
    private final MailboxEvents events = new MailboxEvents();
    private TestServers servers;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        mailbox.add("INBOX", FIRST);
        mailbox.add("INBOX", SECOND);
        // An earlier session saw these two: they are no longer \Recent.
        mailbox.folders.values().forEach(folder -> folder.firstRecentUid = folder.uidnext);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        return connect(ImapTestConnections.testConfig());
    }

    private ScriptClient connect(ImapConfig config) throws InterruptedException {
        return ImapTestConnections.greeted(servers, mailbox, events, config);
    }

    private static void login(ScriptClient client) {
        ImapTestConnections.login(client);
    }

    @Test
    void stateRulesAndLogin() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: a0 CAPABILITY",
                    "S: * CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR",
                    "S: a0 OK",
                    "C: a1 SELECT INBOX",
                    "S: a1 BAD Command not valid in this state",
                    "C: a2 LOGIN alice wrong",
                    "S: a2 NO [AUTHENTICATIONFAILED]",
                    "C: a3 FROB",
                    "S: a3 BAD Unknown command",
                    "C: a4 LOGIN alice",
                    "S: a4 BAD",
                    "C: a5 LOGIN \"alice\" {6}",
                    "S: + Ready",
                    "C: secret",
                    "S: a5 OK [CAPABILITY",
                    "C: a6 LOGIN alice secret",
                    "S: a6 BAD Command not valid in this state",
                    "C: a7 LOGOUT",
                    "S: * BYE",
                    "S: a7 OK");
            client.expectClosed();
        }
    }

    @Test
    void authenticatePlainWithAndWithoutInitialResponse() throws Exception {
        String plain = java.util.Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
        try (var client = connect()) {
            client.script("C: b1 AUTHENTICATE PLAIN", "S: + ", "C: *", "S: b1 BAD Authentication cancelled");
            client.script("C: b2 AUTHENTICATE PLAIN", "S: + ", "C: " + plain, "S: b2 OK [CAPABILITY");
        }
        try (var client = connect()) {
            client.script("C: b3 AUTHENTICATE PLAIN " + plain, "S: b3 OK [CAPABILITY");
        }
    }

    @Test
    void selectFetchStoreExpunge() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: s1 SELECT inbox",
                    "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY 42]",
                    "S: * OK [UIDNEXT 3]",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: s1 OK [READ-WRITE] SELECT completed",
                    "C: f1 FETCH 1:* (FLAGS RFC822.SIZE)",
                    "S: * 1 FETCH (FLAGS () RFC822.SIZE " + FIRST.length() + ")",
                    "S: * 2 FETCH (FLAGS () RFC822.SIZE " + SECOND.length() + ")",
                    "S: f1 OK",
                    "C: f2 UID FETCH 2 BODY.PEEK[HEADER]",
                    "S: * 2 FETCH (UID 2 BODY[HEADER] {16}",
                    "S: Subject: two",
                    "S: ",
                    "S: )",
                    "S: f2 OK",
                    "C: f3 FETCH 1 BODY[TEXT]<2.6>",
                    "S: * 1 FETCH (FLAGS (\\Seen) BODY[TEXT]<2> {6}",
                    "S: llo",
                    "S: w)",
                    "S: f3 OK");
            // The first chunk size is 7, so a body streams in several reads.
            client.script(
                    "C: f4 FETCH 1 (UID RFC822)",
                    "S: * 1 FETCH (UID 1 RFC822 {" + FIRST.length() + "}",
                    "S: From: a@x.test",
                    "S: Subject: one",
                    "S: ",
                    "S: hello",
                    "S: world",
                    "S: )",
                    "S: f4 OK",
                    "C: t1 STORE 2 +FLAGS (\\Deleted)",
                    "S: * 2 FETCH (FLAGS (\\Deleted))",
                    "S: t1 OK",
                    "C: t2 SEARCH DELETED",
                    "S: * SEARCH 2",
                    "S: t2 OK",
                    "C: t3 EXPUNGE",
                    "S: * 2 EXPUNGE",
                    "S: t3 OK",
                    "C: t4 FETCH 2 FLAGS",
                    "S: t4 OK",
                    "C: t5 FETCH 1 FROB",
                    "S: t5 BAD");
        }
    }

    @Test
    void fetchWithEarlierFlagChangeIsReportedInOrder() throws Exception {
        // A fetch that sets \Seen reports the new flags even when FLAGS was not asked.
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: s SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK",
                    "S: * 2",
                    "S: * 0",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: s OK");
            client.script(
                    "C: e1 EXAMINE INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS ()]",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: e1 OK [READ-ONLY]",
                    "C: e2 STORE 1 +FLAGS (\\Seen)",
                    "S: e2 NO [READ-ONLY]",
                    "C: e3 FETCH 1 BODY[]",
                    "S: * 1 FETCH (BODY[] {",
                    "S: From",
                    "S: Subject",
                    "S: ",
                    "S: hello",
                    "S: world",
                    "S: )",
                    "S: e3 OK",
                    "C: e4 FETCH 1 FLAGS",
                    "S: * 1 FETCH (FLAGS ())",
                    "S: e4 OK");
        }
    }

    @Test
    void appendWithSynchronizingAndNonSynchronizingLiterals() throws Exception {
        String message = "Subject: appended\r\n\r\nbody\r\n";
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: p1 APPEND Trash (\\Seen) \"05-Jan-2024 10:00:00 +0100\" {" + message.length() + "}",
                    "S: + Ready");
            client.send(message + "\r\n");
            client.expect("p1 OK [APPENDUID 42 1] APPEND completed");
            client.send("p2 APPEND inbox {" + message.length() + "+}\r\n" + message + "\r\n");
            client.expect("p2 OK [APPENDUID 42 3]");
            client.script(
                    "C: p3 APPEND Nowhere {3+}",
                    "C: abc",
                    "S: p3 NO [TRYCREATE]",
                    "C: p4 STATUS Trash (MESSAGES UNSEEN UIDNEXT)",
                    "S: * STATUS \"Trash\" (MESSAGES 1 UNSEEN 0 UIDNEXT 2)",
                    "S: p4 OK");
        }
        assertEquals(message, new String(mailbox.folders.get("INBOX").messages.get(3L).bytes, StandardCharsets.UTF_8));
    }

    @Test
    void recentGoesToTheFirstSessionThatSelects() throws Exception {
        mailbox.add("INBOX", "Subject: three\r\n\r\nnew\r\n");
        try (var examiner = connect();
                var first = new ScriptClient(servers.port());
                var second = new ScriptClient(servers.port());
                var rev2 = new ScriptClient(servers.port())) {
            first.expect("* OK");
            second.expect("* OK");
            rev2.expect("* OK");
            login(examiner);
            login(first);
            login(second);
            login(rev2);
            // EXAMINE shows the new message as \Recent but does not take the flag away (RFC 3501 §6.3.2).
            examiner.script(
                    "C: e1 STATUS INBOX (MESSAGES RECENT)",
                    "S: * STATUS \"INBOX\" (MESSAGES 3 RECENT 1)",
                    "S: e1 OK",
                    "C: e2 EXAMINE INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS ()]",
                    "S: * 3 EXISTS",
                    "S: * 1 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: e2 OK [READ-ONLY]",
                    "C: e3 FETCH 2:3 FLAGS",
                    "S: * 2 FETCH (FLAGS ())",
                    "S: * 3 FETCH (FLAGS (\\Recent))",
                    "S: e3 OK",
                    "C: e4 SEARCH RECENT",
                    "S: * SEARCH 3",
                    "S: e4 OK");
            first.script(
                    "C: s1 SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 3 EXISTS",
                    "S: * 1 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: s1 OK [READ-WRITE]",
                    "C: s2 FETCH 3 (UID FLAGS)",
                    "S: * 3 FETCH (UID 3 FLAGS (\\Recent))",
                    "S: s2 OK",
                    "C: s3 SEARCH NEW",
                    "S: * SEARCH 3",
                    "S: s3 OK",
                    "C: s4 SEARCH OLD",
                    "S: * SEARCH 1 2",
                    "S: s4 OK",
                    "C: s5 STORE 3 +FLAGS (\\Seen)",
                    "S: * 3 FETCH (FLAGS (\\Seen \\Recent))",
                    "S: s5 OK",
                    "C: s6 SEARCH NEW",
                    "S: * SEARCH",
                    "S: s6 OK");
            // The first SELECT claimed it: a later session never sees it as \Recent.
            second.script(
                    "C: t1 STATUS INBOX (RECENT)",
                    "S: * STATUS \"INBOX\" (RECENT 0)",
                    "S: t1 OK",
                    "C: t2 SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 3 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: t2 OK [READ-WRITE]",
                    "C: t3 FETCH 3 FLAGS",
                    "S: * 3 FETCH (FLAGS (\\Seen))",
                    "S: t3 OK",
                    "C: t4 SEARCH RECENT",
                    "S: * SEARCH",
                    "S: t4 OK");
            // The examining session keeps its \Recent for the message.
            examiner.script("C: e5 FETCH 3 FLAGS", "S: * 3 FETCH (FLAGS (\\Seen \\Recent))", "S: e5 OK");
            // A delivery while both are selected: the first session to look claims it.
            mailbox.add("INBOX", "Subject: four\r\n\r\nnewer\r\n");
            second.script(
                    "C: t5 NOOP",
                    "S: * 4 EXISTS",
                    "S: * 1 RECENT",
                    "S: t5 OK",
                    "C: t6 FETCH 4 FLAGS",
                    "S: * 4 FETCH (FLAGS (\\Recent))",
                    "S: t6 OK");
            first.script("C: s7 NOOP", "S: * 4 EXISTS", "S: s7 OK", "C: s8 SEARCH RECENT", "S: * SEARCH 3", "S: s8 OK");
            // IMAP4rev2 has no \Recent at all, and SELECT answers with the folder's LIST line
            // instead of UNSEEN (RFC 9051 §6.3.2, appendix E).
            rev2.script(
                    "C: r1 ENABLE IMAP4rev2",
                    "S: * ENABLED IMAP4rev2",
                    "S: r1 OK",
                    "C: r2 SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 4 EXISTS",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: r2 OK [READ-WRITE]",
                    "C: r3 FETCH 3:4 FLAGS",
                    "S: * 3 FETCH (FLAGS (\\Seen))",
                    "S: * 4 FETCH (FLAGS ())",
                    "S: r3 OK",
                    "C: r4 EXAMINE Trash",
                    "S: * OK [CLOSED]",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS ()]",
                    "S: * 0 EXISTS",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: * LIST (\\HasNoChildren \\Trash) \"/\" \"Trash\"",
                    "S: r4 OK [READ-ONLY]");
        }
    }

    @Test
    void qresyncReportsWhatVanishedAndChanged() throws Exception {
        try (var first = connect();
                var second = new ScriptClient(servers.port());
                var plain = new ScriptClient(servers.port())) {
            second.expect("* OK");
            plain.expect("* OK");
            login(first);
            login(second);
            login(plain);
            first.script(
                    "C: q1 ENABLE QRESYNC",
                    "S: * ENABLED QRESYNC",
                    "S: q1 OK",
                    "C: q2 SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY 42]",
                    "S: * OK [UIDNEXT 3]",
                    "S: * OK [HIGHESTMODSEQ 3]",
                    "S: q2 OK");
            // What the second session will have missed since MODSEQ 3: a new message, a flag, an expunge.
            mailbox.add("INBOX", "Subject: three\r\n\r\nthird\r\n");
            first.script(
                    "C: q3 STORE 1 +FLAGS (\\Flagged)",
                    "S: * 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))",
                    "S: q3 OK",
                    "C: q4 STORE 2 +FLAGS.SILENT (\\Deleted)",
                    "S: q4 OK",
                    // Under QRESYNC an expunge is one VANISHED response, by UID (RFC 7162 §3.2.10).
                    "C: q5 EXPUNGE",
                    "S: * VANISHED 2",
                    "S: * 2 EXISTS",
                    "S: * 1 RECENT",
                    "S: q5 OK");
            second.script(
                    "C: r0 SELECT INBOX (QRESYNC (42 3))",
                    "S: r0 BAD",
                    "C: r1 ENABLE QRESYNC",
                    "S: * ENABLED QRESYNC",
                    "S: r1 OK",
                    "C: r2 SELECT INBOX (QRESYNC (42 3 1:5))",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY 42]",
                    "S: * OK [UIDNEXT 4]",
                    "S: * OK [HIGHESTMODSEQ 7]",
                    "S: * VANISHED (EARLIER) 2",
                    "S: * 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))",
                    "S: * 2 FETCH (UID 3 FLAGS () MODSEQ (4))",
                    "S: r2 OK [READ-WRITE]",
                    "C: r3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)",
                    "S: * VANISHED (EARLIER) 2",
                    "S: * 1 FETCH (UID 1 MODSEQ (5) FLAGS (\\Flagged))",
                    "S: r3 OK",
                    "C: r4 UID FETCH 3:* (FLAGS) (CHANGEDSINCE 1 VANISHED)",
                    "S: * 2 FETCH (UID 3 MODSEQ (4) FLAGS ())",
                    "S: r4 OK",
                    "C: r5 FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)",
                    "S: r5 BAD",
                    // Known UIDs limit what is reported; the sequence-match data is accepted.
                    "C: r6 EXAMINE INBOX (QRESYNC (42 3 3 (1 3)))",
                    "S: * OK [CLOSED]",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS ()]",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY 42]",
                    "S: * OK [UIDNEXT 4]",
                    "S: * OK [HIGHESTMODSEQ 7]",
                    "S: * 2 FETCH (UID 3 FLAGS () MODSEQ (4))",
                    "S: r6 OK [READ-ONLY]",
                    // Another UIDVALIDITY: the client's cache is void, nothing is resynchronised.
                    "C: r7 SELECT INBOX (QRESYNC (41 3))",
                    "S: * OK [CLOSED]",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY 42]",
                    "S: * OK [UIDNEXT 4]",
                    "S: * OK [HIGHESTMODSEQ 7]",
                    "S: r7 OK [READ-WRITE]",
                    "C: r8 IDLE",
                    "S: + idling");
            // Other sessions' expunges reach an idling QRESYNC client as VANISHED too.
            first.script(
                    "C: q6 STORE 1 +FLAGS (\\Deleted)",
                    "S: * 1 FETCH (UID 1 FLAGS (\\Flagged \\Deleted) MODSEQ (8))",
                    "S: q6 OK");
            second.script("S: * 1 FETCH (UID 1 FLAGS (\\Flagged \\Deleted) MODSEQ (8))");
            first.script("C: q7 EXPUNGE", "S: * VANISHED 1", "S: q7 OK");
            second.script("S: * VANISHED 1", "C: DONE", "S: r8 OK");
            first.script(
                    "C: q8 UID MOVE 3 Trash",
                    "S: * OK [COPYUID 42 3 1]",
                    "S: * VANISHED 3",
                    "S: q8 OK",
                    "C: q9 ENABLE QRESYNC",
                    "S: * ENABLED",
                    "S: q9 OK");
            // Without QRESYNC nothing changes: EXPUNGE responses by sequence number.
            plain.script(
                    "C: p1 SELECT Trash",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 1 EXISTS",
                    "S: * 1 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: p1 OK",
                    "C: p2 STORE 1 +FLAGS.SILENT (\\Deleted)",
                    "S: p2 OK",
                    "C: p3 EXPUNGE",
                    "S: * 1 EXPUNGE",
                    "S: * 0 RECENT",
                    "S: p3 OK");
        }
    }

    @Test
    void keywordsAreKeptSearchedAndAnnounced() throws Exception {
        try (var client = connect();
                var other = new ScriptClient(servers.port())) {
            other.expect("* OK");
            login(client);
            login(other);
            client.script(
                    "C: k1 SELECT INBOX",
                    "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                    "S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: k1 OK");
            other.script(
                    "C: o1 EXAMINE INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS ()]",
                    "S: * 2 EXISTS",
                    "S: * 0 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: o1 OK");
            // A new keyword widens FLAGS and PERMANENTFLAGS before the FETCH that carries it.
            client.script(
                    "C: k2 STORE 1 +FLAGS ($Forwarded $label1)",
                    "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $label1)",
                    "S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $label1 \\*)]",
                    "S: * 1 FETCH (FLAGS ($Forwarded $label1))",
                    "S: k2 OK",
                    "C: k3 SEARCH KEYWORD $label1",
                    "S: * SEARCH 1",
                    "S: k3 OK",
                    "C: k4 SEARCH UNKEYWORD $Forwarded",
                    "S: * SEARCH 2",
                    "S: k4 OK",
                    "C: k5 STORE 1 -FLAGS ($label1)",
                    "S: * 1 FETCH (FLAGS ($Forwarded))",
                    "S: k5 OK",
                    "C: k6 FETCH 1:2 FLAGS",
                    "S: * 1 FETCH (FLAGS ($Forwarded))",
                    "S: * 2 FETCH (FLAGS ())",
                    "S: k6 OK",
                    "C: k7 STORE 2 +FLAGS (" + "x".repeat(256) + ")",
                    "S: k7 BAD");
            other.script(
                    "C: o2 NOOP",
                    "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)",
                    "S: * OK [PERMANENTFLAGS ()]",
                    "S: * 1 FETCH (UID 1 FLAGS ($Forwarded))",
                    "S: o2 OK");
            // Keywords once announced stay in FLAGS for the session, as in Dovecot.
            String message = "Subject: junk\r\n\r\nbuy\r\n";
            client.send("k8 APPEND INBOX ($Junk \\Seen) {" + message.length() + "+}\r\n" + message + "\r\n");
            client.script(
                    "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $Junk $label1)",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 3 EXISTS",
                    "S: * 1 RECENT",
                    "S: k8 OK [APPENDUID",
                    "C: k9 UID FETCH 3 FLAGS",
                    "S: * 3 FETCH (UID 3 FLAGS (\\Recent $Junk \\Seen))",
                    "S: k9 OK");
        }
    }

    @Test
    void quotaIsReportedAndEnforcedOnAppend() throws Exception {
        String message = "Subject: q\r\n\r\n" + "x".repeat(1000) + "\r\n"; // 1016 octets
        mailbox.folders.get("INBOX").messages.clear();
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: q0 CAPABILITY",
                    "S: * CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS"
                            + " MOVE SPECIAL-USE CHILDREN ESEARCH CONDSTORE QUOTA QUOTA=RES-STORAGE",
                    "S: q0 OK",
                    "C: q1 GETQUOTAROOT INBOX",
                    "S: * QUOTAROOT \"INBOX\"",
                    "S: q1 OK GETQUOTAROOT completed",
                    "C: q2 GETQUOTA \"\"",
                    "S: q2 NO [NONEXISTENT]");
            mailbox.quotaLimit = 2048;
            client.script(
                    "C: q3 GETQUOTAROOT inbox",
                    "S: * QUOTAROOT \"INBOX\" \"\"",
                    "S: * QUOTA \"\" (STORAGE 0 2)",
                    "S: q3 OK");
            client.send("q4 APPEND Trash {" + message.length() + "+}\r\n" + message + "\r\n");
            client.expect("q4 OK [APPENDUID 42 1]");
            client.send("q5 APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
            client.expect("q5 OK [APPENDUID 42 3]");
            client.send("q6 APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
            client.expect("q6 NO [OVERQUOTA] Quota exceeded, message not stored");
            client.script(
                    "C: q6a SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 1 EXISTS",
                    "S: * 1 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: q6a OK",
                    "C: q6b COPY 1 Trash",
                    "S: q6b NO [OVERQUOTA] Quota exceeded, nothing copied",
                    "C: q6c MOVE 1 Trash",
                    "S: * OK [COPYUID 42 3 2]",
                    "S: * 1 EXPUNGE",
                    "S: q6c OK",
                    "C: q7 GETQUOTA \"\"",
                    "S: * QUOTA \"\" (STORAGE 2 2)",
                    "S: q7 OK",
                    "C: q8 GETQUOTAROOT Nowhere",
                    "S: q8 NO [NONEXISTENT]",
                    "C: q9 SETQUOTA \"\" (STORAGE 100)",
                    "S: q9 NO [CANNOT]",
                    "C: q10 GETQUOTA",
                    "S: q10 BAD");
        }
        assertEquals(0, mailbox.folders.get("INBOX").messages.size());
        assertEquals(2, mailbox.folders.get("Trash").messages.size());
    }

    @Test
    void listWithPatternsAndSpecialUse() throws Exception {
        mailbox.create("Archive/2024");
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: l1 LIST \"\" \"\"",
                    "S: * LIST (\\Noselect) \"/\" \"\"",
                    "S: l1 OK",
                    "C: l2 LIST \"\" %",
                    // a hierarchy level without a folder of its own (RFC 3501 §6.3.8)
                    "S: * LIST (\\Noselect \\HasChildren) \"/\" \"Archive\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LIST (\\HasNoChildren \\Trash) \"/\" \"Trash\"",
                    "S: l2 OK",
                    "C: l3 LIST \"\" *2024",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Archive/2024\"",
                    "S: l3 OK",
                    "C: l4 LIST \"\" inbox",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: l4 OK",
                    "C: l5 CREATE Work",
                    "S: l5 OK",
                    "C: l6 CREATE work",
                    "S: l6 OK",
                    "C: l7 CREATE Work",
                    "S: l7 NO [ALREADYEXISTS]",
                    "C: l8 DELETE INBOX",
                    "S: l8 NO [CANNOT]");
        }
    }

    @Test
    void copyMoveAndSessionsSeeEachOther() throws Exception {
        try (var first = connect();
                var second = new ScriptClient(servers.port())) {
            second.expect("* OK");
            login(first);
            login(second);
            first.script(
                    "C: s SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK",
                    "S: * 2",
                    "S: * 0",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: s OK");
            second.script(
                    "C: s SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK",
                    "S: * 2",
                    "S: * 0",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: s OK");
            first.script(
                    "C: c1 COPY 1 Trash",
                    "S: c1 OK [COPYUID 42 1 1] COPY completed",
                    "C: c2 UID MOVE 2 Trash",
                    "S: * OK [COPYUID 42 2 2]",
                    "S: * 2 EXPUNGE",
                    "S: c2 OK MOVE completed",
                    "C: c3 COPY 1 Nowhere",
                    "S: c3 NO [TRYCREATE]",
                    "C: c4 STORE 1 FLAGS.SILENT (\\Flagged)",
                    "S: c4 OK");
            second.script("C: n1 IDLE", "S: * 2 EXPUNGE", "S: * 1 FETCH (UID 1 FLAGS (\\Flagged))", "S: + idling");
            first.script("C: c5 STORE 1 +FLAGS (\\Seen)", "S: * 1 FETCH (FLAGS (\\Flagged \\Seen))", "S: c5 OK");
            // The second session, idling, is woken by the first one's change: no polling.
            second.script("S: * 1 FETCH (UID 1 FLAGS (\\Flagged \\Seen))", "C: DONE", "S: n1 OK IDLE terminated");
            assertEquals(0, events.watching());
        }
    }

    @Test
    void hostileInputGetsBadOrByeAndBoundedMemory() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: ",
                    "S: * BAD",
                    "C: h1",
                    "S: h1 BAD",
                    "C: h2 LOGIN (alice secret",
                    "S: h2 BAD",
                    "C: h3 LOGIN \"unterminated",
                    "S: h3 BAD",
                    "C: h4 LOGIN alice {-1}",
                    "S: h4 BAD",
                    "C: h5 LOGIN alice {99999999999999999999999}",
                    "S: h5 BAD Literal too large",
                    "C: h6 LOGIN alice {5000}",
                    "S: h6 BAD Literal too large",
                    "C: h7 LOGIN al\u00e9ce secret",
                    "S: h7 BAD");
            login(client);
            client.script(
                    "C: s SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK",
                    "S: * 2",
                    "S: * 0",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: s OK");
            client.script(
                    "C: h8 FETCH 0 FLAGS",
                    "S: h8 BAD",
                    "C: h9 FETCH 1:99999999999 FLAGS",
                    "S: h9 BAD",
                    "C: h10 SEARCH " + "(".repeat(100) + "ALL" + ")".repeat(100),
                    "S: h10 BAD",
                    "C: h11 FETCH 1 (FLAGS",
                    "S: h11 BAD",
                    "C: h12 FETCH 1 BODY[1.]",
                    "S: h12 BAD",
                    "C: h13 APPEND INBOX {200000}",
                    "S: h13 NO [TOOBIG]",
                    "C: h14 NOOP",
                    "S: h14 OK");
            // A line without end is cut at the limit and ends the session, never buffered whole.
            client.send("h15 NOOP " + "x".repeat(5000));
            client.expect("* BYE");
            client.expectClosed();
        }
        try (var client = connect()) {
            // A non-synchronizing literal too large to take cannot be refused politely: BYE.
            client.send("h16 LOGIN alice {90000+}\r\n");
            client.expect("* BYE");
            client.expectClosed();
        }
    }

    @Test
    void condstoreModseqs() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: s SELECT INBOX (CONDSTORE)",
                    "S: * FLAGS",
                    "S: * OK",
                    "S: * 2",
                    "S: * 0",
                    "S: * OK [UNSEEN",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT",
                    "S: * OK [HIGHESTMODSEQ 3]",
                    "S: s OK",
                    "C: m1 FETCH 1:* (FLAGS) (CHANGEDSINCE 2)",
                    "S: * 2 FETCH (MODSEQ (3) FLAGS ())",
                    "S: m1 OK",
                    "C: m2 STORE 1 (UNCHANGEDSINCE 2) +FLAGS (\\Flagged)",
                    "S: * 1 FETCH (FLAGS (\\Flagged) MODSEQ (4))",
                    "S: m2 OK STORE",
                    "C: m3 STORE 1:2 (UNCHANGEDSINCE 3) +FLAGS.SILENT (\\Seen)",
                    "S: m3 OK [MODIFIED 1]",
                    "C: m4 SEARCH MODSEQ 5",
                    "S: * SEARCH 2 (MODSEQ 5)",
                    "S: m4 OK",
                    "C: m5 STATUS INBOX (HIGHESTMODSEQ)",
                    "S: * STATUS \"INBOX\" (HIGHESTMODSEQ 5)",
                    "S: m5 OK");
        }
    }

    @Test
    void searchKeysAndEsearch() throws Exception {
        try (var client = connect()) {
            login(client);
            client.script(
                    "C: s SELECT INBOX",
                    "S: * FLAGS",
                    "S: * OK",
                    "S: * 2",
                    "S: * 0",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: * OK",
                    "S: s OK");
            client.script(
                    "C: r1 SEARCH CHARSET UTF-8 OR BODY world UID 2 NOT DELETED",
                    "S: * SEARCH 1 2",
                    "S: r1 OK",
                    "C: r2 UID SEARCH RETURN (MIN MAX COUNT) ALL",
                    "S: * ESEARCH (TAG \"r2\") UID MIN 1 MAX 2 COUNT 2",
                    "S: r2 OK",
                    "C: r3 SEARCH CHARSET KOI8-R ALL",
                    "S: r3 NO [BADCHARSET",
                    "C: r4 SEARCH 2 UNSEEN",
                    "S: * SEARCH 2",
                    "S: r4 OK");
        }
        assertTrue(true);
    }
}
