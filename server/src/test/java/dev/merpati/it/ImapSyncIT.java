package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.Mail;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a client that keeps a mailbox in sync relies on, against the deployed server and its database:
 * \Recent handed to exactly one session, QRESYNC's quick resynchronisation of an offline cache, and
 * keywords ($Forwarded, $Junk, labels).
 */
class ImapSyncIT {

    @Test
    void recentBelongsToTheFirstSessionThatSelectsTheFolder() throws Exception {
        String folder = "Recent-" + System.nanoTime();
        try (LineClient one = login();
                LineClient two = login();
                LineClient three = login()) {
            one.imap("a1", "CREATE " + folder);
            append(one, folder, "Subject: r1\r\n\r\none\r\n");
            append(one, folder, "Subject: r2\r\n\r\ntwo\r\n");

            // EXAMINE sees them as \Recent and leaves them so.
            assertTrue(one.imap("a2", "EXAMINE " + folder).contains("* 2 RECENT"));
            List<String> flags = one.imap("a3", "FETCH 1:2 FLAGS");
            assertTrue(flags.contains("* 1 FETCH (FLAGS (\\Recent))"), flags::toString);
            assertTrue(two.imap("b1", "STATUS " + folder + " (RECENT)").get(0).contains("(RECENT 2)"));

            // The first SELECT takes them; nobody else sees them as \Recent afterwards.
            assertTrue(two.imap("b2", "SELECT " + folder).contains("* 2 RECENT"));
            assertEquals(List.of("* SEARCH 1 2", "b3 OK SEARCH completed"), two.imap("b3", "SEARCH RECENT"));
            assertTrue(three.imap("c1", "SELECT " + folder).contains("* 0 RECENT"));
            assertEquals(List.of("* SEARCH", "c2 OK SEARCH completed"), three.imap("c2", "SEARCH RECENT"));
            assertTrue(three.imap("c3", "STATUS INBOX (MESSAGES)").get(0).startsWith("* STATUS"));
            assertTrue(one.imap("a4", "STATUS " + folder + " (RECENT)").get(0).contains("(RECENT 0)"));
            three.imap("c4", "CLOSE");

            // A delivery reaches the idling session as a \Recent message; a later SELECT gets none.
            List<String> inbox = two.imap("b4", "SELECT INBOX");
            long exists = number(inbox, "EXISTS");
            long recent = number(inbox, "RECENT");
            two.send("b5 IDLE");
            assertTrue(two.readLine().startsWith("+ "));
            String subject = Mail.uniqueSubject("Recent");
            Mail.send(DemoAccounts.BOB, DemoAccounts.ALICE, subject, "recent\r\n");
            assertEquals("* " + (exists + 1) + " EXISTS", two.readLine());
            assertEquals("* " + (recent + 1) + " RECENT", two.readLine());
            two.send("DONE");
            assertTrue(two.readTagged("b5").get(0).startsWith("b5 OK"));
            List<String> fetched =
                    two.imap("b6", "FETCH " + (exists + 1) + " (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            assertTrue(fetched.get(0).contains("FLAGS (\\Recent)"), fetched::toString);
            assertTrue(fetched.get(1).contains(subject), fetched::toString);

            List<String> later = three.imap("c5", "SELECT INBOX");
            assertTrue(later.contains("* 0 RECENT"), later::toString);
            List<String> flagsLater = three.imap("c6", "FETCH " + (exists + 1) + " FLAGS");
            assertFalse(flagsLater.get(0).contains("\\Recent"), flagsLater::toString);

            two.imap("b7", "UNSELECT");
            one.imap("a5", "UNSELECT");
            one.imap("a6", "DELETE " + folder);
        }
    }

    @Test
    void pythonClientResynchronisesAnOfflineCacheWithQresync() throws Exception {
        String folder = "Qresync" + System.nanoTime();
        String output = Tools.succeed(
                "python3",
                Path.of("src/test/python/qresync.py").toAbsolutePath().toString(),
                TestServer.HOST,
                String.valueOf(TestServer.IMAP_PORT),
                DemoAccounts.ALICE_PASSWORD,
                folder);
        assertTrue(output.contains("ENABLED QRESYNC"), output);
        assertTrue(output.contains("CACHED "), output);
        // What happened while the client was away: UID 2 expunged, UID 1 flagged, UID 4 arrived. Only
        // the UIDs it said it knows (1:3) are resynchronised; UID 4 it learns from EXISTS and UIDNEXT.
        assertTrue(output.contains("RESYNC EXISTS 3 UIDNEXT 5"), output);
        assertTrue(output.contains("RESYNC VANISHED ['(EARLIER) 2']"), output);
        assertTrue(lineMatches(output, "RESYNC FETCH 1 \\(UID 1 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)"), output);
        assertEquals(1, output.lines().filter(l -> l.startsWith("RESYNC FETCH")).count(), output);
        assertTrue(output.contains("CHANGEDSINCE VANISHED ['(EARLIER) 2']"), output);
        assertTrue(
                lineMatches(output, "CHANGEDSINCE FETCH 1 \\(UID 1 MODSEQ \\(\\d+\\) FLAGS \\(\\\\Flagged\\)\\)"),
                output);
        assertTrue(lineMatches(output, "CHANGEDSINCE FETCH 3 \\(UID 4 MODSEQ \\(\\d+\\) FLAGS \\(\\)\\)"), output);
        // Another session's expunge reaches the QRESYNC client as VANISHED, never as EXPUNGE.
        assertTrue(output.contains("LIVE VANISHED ['3']"), output);
        assertTrue(output.contains("LIVE EXPUNGE None"), output);
    }

    private static boolean lineMatches(String output, String regex) {
        return output.lines().anyMatch(line -> line.matches(regex));
    }

    @Test
    void jakartaMailKeepsKeywordsThroughAppendStoreSearchAndCopy() throws Exception {
        String name = "Keywords-" + System.nanoTime();
        Store store = Mail.imapStore("alice", DemoAccounts.ALICE_PASSWORD);
        try (LineClient raw = login()) {
            Folder folder = store.getFolder(name);
            assertTrue(folder.create(Folder.HOLDS_MESSAGES));
            MimeMessage junk = new MimeMessage(Mail.session());
            junk.setSubject("keywords");
            junk.setText("buy now\r\n");
            Flags appended = new Flags("$Junk");
            appended.add(Flags.Flag.SEEN);
            junk.setFlags(appended, true);
            folder.appendMessages(new Message[] {junk});

            folder.open(Folder.READ_WRITE);
            // PERMANENTFLAGS has \* (clients may make up keywords) and the folder's keywords.
            assertTrue(folder.getPermanentFlags().contains(Flags.Flag.USER));
            assertTrue(folder.getPermanentFlags().contains("$Junk"));
            Message message = folder.getMessage(1);
            assertTrue(message.isSet(Flags.Flag.SEEN));
            assertTrue(message.getFlags().contains("$Junk"));

            message.setFlags(new Flags("$Forwarded"), true);
            message.setFlags(new Flags("$label1"), true);
            message.setFlags(new Flags("$Junk"), false);
            assertEquals(1, folder.search(new FlagTerm(new Flags("$label1"), true)).length);
            assertEquals(0, folder.search(new FlagTerm(new Flags("$Junk"), true)).length);

            // Another session sees the same keywords; IMAP compares them without regard to case.
            raw.imap("k1", "SELECT " + name);
            raw.imap("k2", "STORE 1 +FLAGS.SILENT ($LABEL1)");
            List<String> flags = raw.imap("k3", "FETCH 1 FLAGS");
            assertEquals("* 1 FETCH (FLAGS (\\Seen $Forwarded $label1))", flags.get(0));
            assertEquals(List.of("* SEARCH 1", "k4 OK SEARCH completed"), raw.imap("k4", "SEARCH KEYWORD $Forwarded"));
            assertEquals(List.of("* SEARCH", "k5 OK SEARCH completed"), raw.imap("k5", "SEARCH KEYWORD $Junk"));
            assertEquals(List.of("* SEARCH 1", "k6 OK SEARCH completed"), raw.imap("k6", "SEARCH UNKEYWORD $Junk"));
            raw.imap("k7", "UNSELECT");

            // A copy keeps them.
            Folder copies = store.getFolder(name + "/copies");
            assertTrue(copies.create(Folder.HOLDS_MESSAGES));
            folder.copyMessages(new Message[] {message}, copies);
            copies.open(Folder.READ_ONLY);
            Flags copied = copies.getMessage(1).getFlags();
            assertTrue(copied.contains("$Forwarded") && copied.contains("$label1"), copied::toString);
            assertFalse(copied.contains("$Junk"), copied::toString);
            copies.close(false);
            folder.close(false);
            assertTrue(copies.delete(false));
            assertTrue(folder.delete(false));
        } finally {
            store.close();
        }
    }

    private static LineClient login() throws Exception {
        return LineClient.imapLogin(TestServer.HOST, TestServer.IMAP_PORT, "alice", DemoAccounts.ALICE_PASSWORD);
    }

    private static void append(LineClient client, String folder, String message) throws Exception {
        client.send("ap APPEND " + folder + " {" + message.length() + "+}");
        client.send(message);
        assertTrue(client.readTagged("ap").get(0).contains("[APPENDUID "));
    }

    private static long number(List<String> lines, String what) {
        return lines.stream()
                .filter(l -> l.startsWith("* ") && l.endsWith(" " + what))
                .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " in " + lines));
    }
}
