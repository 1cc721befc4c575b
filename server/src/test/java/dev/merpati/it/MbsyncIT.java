package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.LineClient;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** mbsync (isync) synchronising a folder both ways with a local Maildir, as a desktop user would. */
class MbsyncIT {

    @Test
    void mbsyncSyncsAFolderBothWays() throws Exception {
        String folder = "Sync" + System.nanoTime();
        // Two messages on the server first, appended with python imaplib.
        Tools.python(
                String.join(
                        "\n",
                        "import imaplib, sys",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "m.login('alice', sys.argv[3])",
                        "m.create(sys.argv[4])",
                        "m.append(sys.argv[4], None, None, b'Subject: server one\\r\\n\\r\\none\\r\\n')",
                        "m.append(sys.argv[4], '(\\\\Seen)', None, b'Subject: server two\\r\\n\\r\\ntwo\\r\\n')",
                        "m.logout()"),
                TestServer.HOST,
                String.valueOf(TestServer.IMAP_PORT),
                DemoAccounts.ALICE_PASSWORD,
                folder);

        Path home = Files.createTempDirectory("mbsync");
        Path maildir = Files.createDirectories(home.resolve("mail"));
        Path config = home.resolve("mbsyncrc");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "IMAPAccount merpati",
                        "Host " + TestServer.HOST,
                        "Port " + TestServer.IMAP_PORT,
                        "User alice",
                        "Pass " + DemoAccounts.ALICE_PASSWORD,
                        "SSLType None",
                        "AuthMechs PLAIN",
                        "",
                        "IMAPStore remote",
                        "Account merpati",
                        "",
                        "MaildirStore local",
                        "Path " + maildir + "/",
                        "Inbox " + maildir + "/INBOX",
                        "SubFolders Verbatim",
                        "",
                        "Channel sync",
                        "Far :remote:",
                        "Near :local:",
                        "Patterns " + folder,
                        "Create Both",
                        "Expunge Both",
                        "SyncState *",
                        ""));
        mbsync(config);
        Path local = maildir.resolve(folder);
        assertEquals(
                2,
                files(local.resolve("cur")).size() + files(local.resolve("new")).size());
        assertTrue(
                files(local.resolve("cur")).stream()
                        .anyMatch(f -> f.getFileName().toString().endsWith(",S")),
                "the \\Seen flag arrived as Maildir flag S");

        // A message written locally and a flag set locally go up on the next run.
        Files.writeString(
                local.resolve("new").resolve("1700000000.local.merpati:2,F"),
                "Subject: from the maildir\r\n\r\nlocal\r\n");
        mbsync(config);
        String listing = imap(folder);
        assertTrue(listing.contains("* 3 EXISTS"), listing);
        assertTrue(listing.contains("\\Flagged"), listing);
        assertTrue(listing.contains("Subject: from the maildir"), listing);
    }

    private static void mbsync(Path config) throws Exception {
        Tools.succeed("mbsync", "-c", config.toString(), "-a");
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String imap(String folder) throws Exception {
        try (LineClient client = new LineClient(TestServer.HOST, TestServer.IMAP_PORT)) {
            client.readLine();
            StringBuilder out = new StringBuilder();
            for (String command : new String[] {
                "a LOGIN alice " + DemoAccounts.ALICE_PASSWORD,
                "b EXAMINE " + folder,
                "c FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])",
                "d LOGOUT"
            }) {
                client.send(command);
                String tag = command.substring(0, 2);
                String line;
                do {
                    line = client.readLine();
                    out.append(line).append('\n');
                } while (!line.startsWith(tag));
            }
            return out.toString();
        }
    }
}
