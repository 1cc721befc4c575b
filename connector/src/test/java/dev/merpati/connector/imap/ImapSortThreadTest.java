package dev.merpati.connector.imap;

import dev.merpati.connector.net.TestServers;
import dev.merpati.testkit.ScriptClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SORT and THREAD (RFC 5256) on the wire: parsing, sequence numbers versus UIDs, the thread-list
 * syntax, errors. The orderings themselves are tested in the store's SorterTest and ThreaderTest.
 */
class ImapSortThreadTest {

    private final FakeMailbox mailbox = new FakeMailbox();
    private TestServers servers;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        mailbox.add("INBOX", "Subject: b\r\n\r\nfour\r\n"); // uid 1, 14 octets
        mailbox.add("INBOX", "Subject: a\r\n\r\nlonger body\r\n"); // uid 2
        mailbox.add("INBOX", "Subject: b\r\n\r\nx\r\n"); // uid 3, smallest
        mailbox.add("INBOX", "Subject: c\r\n\r\nsix\r\n"); // uid 4, expunged below
        mailbox.add("INBOX", "Subject: a\r\n\r\nthe longest body of all\r\n"); // uid 5
        // An earlier session saw them: they are no longer \Recent.
        mailbox.folders.values().forEach(folder -> folder.firstRecentUid = folder.uidnext);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        var client = ImapTestConnections.loggedIn(servers, mailbox);
        mailbox.folders.get("INBOX").messages.get(4L).flags.add("\\Deleted");
        client.script(
                "C: s1 SELECT INBOX",
                "S: * FLAGS",
                "S: * OK [PERMANENTFLAGS",
                "S: * 5 EXISTS",
                "S: * 0 RECENT",
                "S: * OK [UNSEEN 1]",
                "S: * OK [UIDVALIDITY",
                "S: * OK [UIDNEXT 6]",
                "S: * OK [HIGHESTMODSEQ",
                "S: s1 OK",
                "C: s2 EXPUNGE",
                "S: * 4 EXPUNGE",
                "S: s2 OK");
        return client;
    }

    @Test
    void sortAnswersSequenceNumbersOrUids() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: c CAPABILITY",
                    "S: * CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS"
                            + " MOVE SPECIAL-USE CHILDREN ESEARCH CONDSTORE QUOTA QUOTA=RES-STORAGE LIST-EXTENDED"
                            + " LIST-STATUS SORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES",
                    "S: c OK",
                    // sequence numbers after the expunge: uid 5 is message 4
                    "C: o1 SORT (SIZE) UTF-8 ALL",
                    "S: * SORT 3 1 2 4",
                    "S: o1 OK SORT completed",
                    "C: o2 UID SORT (REVERSE SIZE) US-ASCII ALL",
                    "S: * SORT 5 2 1 3",
                    "S: o2 OK UID SORT completed",
                    "C: o3 SORT (SUBJECT SIZE) utf-8 UID 1:3,5",
                    "S: * SORT 2 4 3 1",
                    "S: o3 OK SORT completed",
                    "C: o3b SORT (SUBJECT REVERSE SIZE) utf-8 UID 1:3,5",
                    "S: * SORT 4 2 1 3",
                    "S: o3b OK SORT completed",
                    "C: o4 SORT (SIZE) UTF-8 SEEN",
                    "S: * SORT",
                    "S: o4 OK SORT completed",
                    "C: o5 SORT (SIZE) ISO-8859-1 ALL",
                    "S: o5 NO [BADCHARSET (UTF-8 US-ASCII)]",
                    "C: o6 SORT (WEIGHT) UTF-8 ALL",
                    "S: o6 BAD",
                    "C: o7 SORT SIZE UTF-8 ALL",
                    "S: o7 BAD",
                    "C: o8 SORT (REVERSE) UTF-8 ALL",
                    "S: o8 BAD",
                    "C: o9 SORT (SIZE) UTF-8",
                    "S: o9 BAD");
        }
    }

    @Test
    void threadAnswersThreadLists() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: t1 THREAD ORDEREDSUBJECT UTF-8 ALL",
                    "S: * THREAD (1 3)(2 4)",
                    "S: t1 OK THREAD completed",
                    "C: t2 UID THREAD ORDEREDSUBJECT UTF-8 ALL",
                    "S: * THREAD (1 3)(2 5)",
                    "S: t2 OK UID THREAD completed",
                    "C: t3 THREAD REFERENCES UTF-8 SEEN",
                    "S: * THREAD",
                    "S: t3 OK THREAD completed",
                    "C: t4 THREAD FORKS UTF-8 ALL",
                    "S: t4 BAD",
                    "C: t5 THREAD REFERENCES KOI8-R ALL",
                    "S: t5 NO [BADCHARSET");
        }
    }
}
