package dev.merpati.connector.imap;

import dev.merpati.connector.net.TestServers;
import dev.merpati.testkit.ScriptClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819) and SPECIAL-USE selection (RFC 6154) over a real
 * socket, on the hierarchy of RFC 5258's examples: INBOX, Fruit, Fruit/Apple, Fruit/Banana, Tofu,
 * Vegetable, Vegetable/Broccoli, Vegetable/Corn; subscribed are INBOX, Fruit/Banana, Fruit/Peach
 * (no such folder), Vegetable and Vegetable/Broccoli.
 */
class ImapListExtendedTest {

    private final FakeMailbox mailbox = new FakeMailbox();
    private TestServers servers;

    @BeforeEach
    void setUp() {
        servers = new TestServers();
        mailbox.folders.remove("Trash");
        for (String name : new String[] {
            "Fruit", "Fruit/Apple", "Fruit/Banana", "Tofu", "Vegetable", "Vegetable/Broccoli", "Vegetable/Corn"
        }) {
            mailbox.create(name);
        }
        mailbox.unsubscribed.addAll(java.util.List.of("Fruit", "Fruit/Apple", "Tofu", "Vegetable/Corn"));
        mailbox.danglingSubscriptions.add("Fruit/Peach");
        mailbox.add("INBOX", "Subject: one\r\n\r\nbody\r\n");
        mailbox.add("INBOX", "Subject: two\r\n\r\nbody\r\n");
        mailbox.add("Tofu", "Subject: three\r\n\r\nbody\r\n");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    private ScriptClient connect() throws InterruptedException {
        var client = ImapTestConnections.loggedIn(servers, mailbox);
        return client;
    }

    @Test
    void capabilitiesAreAdvertised() throws Exception {
        try (var client = connect()) {
            client.sendLine("c CAPABILITY");
            String line = client.readLine();
            org.junit.jupiter.api.Assertions.assertTrue(
                    line.contains(" LIST-EXTENDED") && line.contains(" LIST-STATUS"), line);
            client.script("S: c OK");
        }
    }

    @Test
    void subscribedSelectionListsNamesWithoutFolders() throws Exception {
        try (var client = connect()) {
            client.script(
                    // RFC 5258 example 2
                    "C: A02 LIST (SUBSCRIBED) \"\" \"*\"",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"Fruit/Banana\"",
                    "S: * LIST (\\NonExistent \\Subscribed \\HasNoChildren) \"/\" \"Fruit/Peach\"",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LIST (\\Subscribed \\HasChildren) \"/\" \"Vegetable\"",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"Vegetable/Broccoli\"",
                    "S: A02 OK LIST completed",
                    // RFC 5258 example 3
                    "C: A03 LIST () \"\" \"%\" RETURN (CHILDREN)",
                    "S: * LIST (\\HasChildren) \"/\" \"Fruit\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Tofu\"",
                    "S: * LIST (\\HasChildren) \"/\" \"Vegetable\"",
                    "S: A03 OK LIST completed",
                    // RETURN (SUBSCRIBED) marks subscriptions without selecting by them
                    "C: A04 LIST \"\" \"Fruit/*\" RETURN (SUBSCRIBED)",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Fruit/Apple\"",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"Fruit/Banana\"",
                    "S: A04 OK LIST completed",
                    // REMOTE: there are no remote mailboxes, the answer is that of a plain LIST
                    "C: A05 LIST (REMOTE) \"\" \"T%\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Tofu\"",
                    "S: A05 OK LIST completed");
        }
    }

    @Test
    void recursiveMatchReportsChildInfo() throws Exception {
        try (var client = connect()) {
            client.script(
                    // RFC 5258 example 5: Fruit is not subscribed but Fruit/Banana is
                    "C: A04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"",
                    "S: * LIST (\\HasChildren) \"/\" \"Fruit\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LIST (\\Subscribed \\HasChildren) \"/\" \"Vegetable\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
                    "S: A04 OK LIST completed",
                    // the matching children are listed themselves: no redundant CHILDINFO
                    "C: A05 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"Vegetable*\"",
                    "S: * LIST (\\Subscribed \\HasChildren) \"/\" \"Vegetable\"",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"Vegetable/Broccoli\"",
                    "S: A05 OK LIST completed",
                    "C: A06 LIST (RECURSIVEMATCH) \"\" \"*\"",
                    "S: A06 BAD",
                    "C: A07 LIST (BOGUS) \"\" \"*\"",
                    "S: A07 BAD",
                    "C: A08 LIST \"\" \"*\" RETURN (BOGUS)",
                    "S: A08 BAD",
                    "C: A09 LIST (SUBSCRIBED) \"\" \"*\" RETURN (STATUS (FROB))",
                    "S: A09 BAD");
        }
    }

    @Test
    void multiplePatterns() throws Exception {
        try (var client = connect()) {
            client.script(
                    // RFC 5258 example 7
                    "C: A06 LIST \"\" (\"inbox\" \"Vegetable/%\")",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Vegetable/Broccoli\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Vegetable/Corn\"",
                    "S: A06 OK LIST completed",
                    "C: A07 LIST \"Fruit/\" (\"Apple\" \"Banana\" \"Apple\")",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Fruit/Apple\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Fruit/Banana\"",
                    "S: A07 OK LIST completed");
        }
    }

    @Test
    void listStatusReturnsCountersOfSelectableFolders() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: d1 DELETE Fruit",
                    "S: d1 OK",
                    // RFC 5819 §2: no STATUS for a name that cannot be selected
                    "C: A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))",
                    "S: * LIST (\\NonExistent \\HasChildren) \"/\" \"Fruit\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * STATUS \"INBOX\" (MESSAGES 2 UNSEEN 2)",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Tofu\"",
                    "S: * STATUS \"Tofu\" (MESSAGES 1 UNSEEN 1)",
                    "S: * LIST (\\HasChildren) \"/\" \"Vegetable\"",
                    "S: * STATUS \"Vegetable\" (MESSAGES 0 UNSEEN 0)",
                    "S: A01 OK LIST completed",
                    // with the other options; a name listed only for CHILDINFO gets no STATUS
                    "C: A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"T*\" \"Fruit\") RETURN (CHILDREN STATUS (UIDNEXT))",
                    "S: * LIST (\\NonExistent \\HasChildren) \"/\" \"Fruit\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
                    "S: A02 OK LIST completed");
        }
    }

    @Test
    void deletedParentIsListedAsNoselectAndItsSubscriptionIsKept() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: c1 CREATE Projects/Alpha",
                    "S: c1 OK",
                    "C: c2 DELETE Projects",
                    "S: c2 OK",
                    "C: c3 LIST \"\" \"Projects*\"",
                    "S: * LIST (\\Noselect \\HasChildren) \"/\" \"Projects\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Projects/Alpha\"",
                    "S: c3 OK LIST completed",
                    "C: c4 LIST () \"\" \"Projects\"",
                    "S: * LIST (\\NonExistent \\HasChildren) \"/\" \"Projects\"",
                    "S: c4 OK LIST completed",
                    // the name stays subscribed after DELETE (RFC 3501 §6.3.6)
                    "C: c5 LIST (SUBSCRIBED) \"\" \"Projects\"",
                    "S: * LIST (\\NonExistent \\Subscribed \\HasChildren) \"/\" \"Projects\"",
                    "S: c5 OK LIST completed",
                    "C: c6 LSUB \"\" \"Projects\"",
                    "S: * LSUB (\\Noselect \\HasChildren) \"/\" \"Projects\"",
                    "S: c6 OK LSUB completed",
                    "C: c7 SELECT Projects",
                    "S: c7 NO [NONEXISTENT]",
                    "C: c8 UNSUBSCRIBE Projects",
                    "S: c8 OK",
                    "C: c9 UNSUBSCRIBE Projects",
                    "S: c9 NO [NONEXISTENT]",
                    "C: c10 LIST (SUBSCRIBED) \"\" \"Projects\"",
                    "S: c10 OK LIST completed");
        }
    }

    @Test
    void lsubListsUnsubscribedLevelsAsNoselect() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: s1 SUBSCRIBE Later/Box",
                    "S: s1 OK",
                    "C: s2 LSUB \"\" %",
                    "S: * LSUB (\\Noselect \\HasChildren) \"/\" \"Fruit\"",
                    "S: * LSUB (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LSUB (\\Noselect \\HasNoChildren) \"/\" \"Later\"",
                    "S: * LSUB (\\HasChildren) \"/\" \"Vegetable\"",
                    "S: s2 OK LSUB completed",
                    "C: s3 LSUB \"\" \"Later/*\"",
                    "S: * LSUB (\\Noselect \\HasNoChildren) \"/\" \"Later/Box\"",
                    "S: s3 OK LSUB completed",
                    // CREATE adopts the kept subscription
                    "C: s4 CREATE Later/Box",
                    "S: s4 OK",
                    "C: s5 LIST (SUBSCRIBED) \"\" \"Later/*\"",
                    "S: * LIST (\\Subscribed \\HasNoChildren) \"/\" \"Later/Box\"",
                    "S: s5 OK LIST completed");
        }
    }

    @Test
    void specialUseSelectionAndReturnOption() throws Exception {
        mailbox.create("Trash");
        mailbox.create("Sent");
        mailbox.specialUse.put("Sent", "Sent");
        try (var client = connect()) {
            client.script(
                    // RFC 6154 §5.3
                    "C: t1 LIST (SPECIAL-USE) \"\" \"*\"",
                    "S: * LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\"",
                    "S: * LIST (\\HasNoChildren \\Trash) \"/\" \"Trash\"",
                    "S: t1 OK LIST completed",
                    "C: t2 LIST \"\" \"%\" RETURN (SPECIAL-USE)",
                    "S: * LIST (\\HasChildren) \"/\" \"Fruit\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "S: * LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Tofu\"",
                    "S: * LIST (\\HasNoChildren \\Trash) \"/\" \"Trash\"",
                    "S: * LIST (\\HasChildren) \"/\" \"Vegetable\"",
                    "S: t2 OK LIST completed");
        }
    }

    @Test
    void folderNamesTravelInModifiedUtf7() throws Exception {
        try (var client = connect()) {
            client.script(
                    "C: u1 CREATE Entw&APw-rfe/&ZeVnLIqe-",
                    "S: u1 OK",
                    "C: u2 LIST \"\" \"Entw*\"",
                    "S: * LIST (\\HasChildren) \"/\" \"Entw&APw-rfe\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Entw&APw-rfe/&ZeVnLIqe-\"",
                    "S: u2 OK LIST completed",
                    "C: u3 APPEND \"Entw&APw-rfe/&ZeVnLIqe-\" {6+}",
                    "C: x: y",
                    "C: ",
                    "S: u3 OK",
                    "C: u4 STATUS Entw&APw-rfe/&ZeVnLIqe- (MESSAGES)",
                    "S: * STATUS \"Entw&APw-rfe/&ZeVnLIqe-\" (MESSAGES 1)",
                    "S: u4 OK",
                    "C: u5 LIST \"\" \"Entw&APw-rfe/%\" RETURN (STATUS (MESSAGES))",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Entw&APw-rfe/&ZeVnLIqe-\"",
                    "S: * STATUS \"Entw&APw-rfe/&ZeVnLIqe-\" (MESSAGES 1)",
                    "S: u5 OK LIST completed",
                    "C: u6 SELECT \"Entw&APw-rfe/&ZeVnLIqe-\"",
                    "S: * FLAGS",
                    "S: * OK [PERMANENTFLAGS",
                    "S: * 1 EXISTS",
                    "S: * 1 RECENT",
                    "S: * OK [UNSEEN 1]",
                    "S: * OK [UIDVALIDITY",
                    "S: * OK [UIDNEXT 2]",
                    "S: * OK [HIGHESTMODSEQ",
                    "S: u6 OK [READ-WRITE]",
                    "C: u7 COPY 1 \"Tom &- Jerry\"",
                    "S: u7 NO [TRYCREATE]",
                    "C: u8 CREATE \"Tom &- Jerry\"",
                    "S: u8 OK",
                    "C: u9 COPY 1 \"Tom &- Jerry\"",
                    "S: u9 OK [COPYUID",
                    "C: u10 CREATE Bad&Name",
                    "S: u10 NO [CANNOT]",
                    "C: u11 LIST \"\" T*",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Tofu\"",
                    "S: * LIST (\\HasNoChildren) \"/\" \"Tom &- Jerry\"",
                    "S: u11 OK LIST completed");
        }
        // the store holds the names in Unicode
        org.junit.jupiter.api.Assertions.assertTrue(mailbox.folders.containsKey("Entwürfe/日本語"));
        org.junit.jupiter.api.Assertions.assertEquals(
                1, mailbox.folders.get("Tom & Jerry").messages.size());
    }
}
