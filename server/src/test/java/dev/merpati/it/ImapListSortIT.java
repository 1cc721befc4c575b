package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.TestServer;
import dev.merpati.testkit.Tools;
import org.junit.jupiter.api.Test;

/** LIST-EXTENDED, LIST-STATUS, SORT and THREAD against the deployed server, spoken by python imaplib. */
class ImapListSortIT {

    /** Runs an imaplib script with the arguments host, IMAP port, alice's password and a folder name. */
    private static String python(String script, String folder) throws Exception {
        return Tools.python(
                script, TestServer.HOST, String.valueOf(TestServer.IMAP_PORT), DemoAccounts.ALICE_PASSWORD, folder);
    }

    @Test
    void extendedListShowsDeletedParentsSubscriptionsAndStatus() throws Exception {
        String parent = "Lx" + System.nanoTime();
        String output = python(
                String.join(
                        "\n",
                        "import imaplib, sys",
                        "p = sys.argv[4]",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "m.login('alice', sys.argv[3])",
                        "print('CAPS', ' '.join(sorted(m.capabilities)))",
                        "assert m.create(p + '/Child')[0] == 'OK'",
                        "m.append(p + '/Child', None, None, b'Subject: one\\r\\n\\r\\nx\\r\\n')",
                        "assert m.delete(p)[0] == 'OK'",
                        "typ, data = m.list('\"\"', p + '*'); print('PLAIN', ' | '.join(d.decode() for d in data))",
                        "def ext(*args):",
                        "    typ, data = m._simple_command('LIST', *args)",
                        "    assert typ == 'OK', (typ, data)",
                        "    lists = [d.decode() for d in m.untagged_responses.pop('LIST', []) if d]",
                        "    statuses = [d.decode() for d in m.untagged_responses.pop('STATUS', []) if d]",
                        "    return ' | '.join(lists) + ' # ' + ' | '.join(statuses)",
                        "print('SUBSCRIBED', ext('(SUBSCRIBED)', '\"\"', '\"' + p + '*\"'))",
                        "print('STATUS', ext('\"\"', '(\"' + p + '\" \"' + p + '/%\")',"
                                + " 'RETURN', '(CHILDREN STATUS (MESSAGES UIDNEXT))'))",
                        "print('SPECIAL', ext('(SPECIAL-USE)', '\"\"', '*'))",
                        "try:",
                        "    m._simple_command('LIST', '(RECURSIVEMATCH)', '\"\"', '*'); print('BADRECURSIVE accepted')",
                        "except imaplib.IMAP4.error as e:",
                        "    print('BADRECURSIVE BAD', e)",
                        "m.logout()"),
                parent);
        assertTrue(output.contains(" LIST-EXTENDED ") && output.contains(" LIST-STATUS "), output);
        assertTrue(
                output.contains("PLAIN (\\Noselect \\HasChildren) \"/\" \"" + parent + "\" | (\\HasNoChildren) \"/\" \""
                        + parent + "/Child\""),
                output);
        // the subscription of the deleted folder is kept; new folders are subscribed
        assertTrue(
                output.contains("SUBSCRIBED (\\NonExistent \\Subscribed \\HasChildren) \"/\" \"" + parent
                        + "\" | (\\Subscribed \\HasNoChildren) \"/\" \"" + parent + "/Child\" # "),
                output);
        assertTrue(
                output.contains("STATUS (\\NonExistent \\HasChildren) \"/\" \"" + parent
                        + "\" | (\\HasNoChildren) \"/\" \"" + parent + "/Child\" # \"" + parent
                        + "/Child\" (MESSAGES 1 UIDNEXT 2)"),
                output);
        assertTrue(output.contains("(\\HasNoChildren \\Sent) \"/\" \"Sent\""), output);
        assertTrue(!output.substring(output.indexOf("SPECIAL")).contains("\"INBOX\""), output);
        assertTrue(output.contains("BADRECURSIVE BAD"), output);
    }

    @Test
    void sortAndThreadUseTheStoredHeaders() throws Exception {
        String folder = "Sort" + System.nanoTime();
        String output = python(
                String.join(
                        "\n",
                        "import imaplib, sys",
                        "f = sys.argv[4]",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "m.login('alice', sys.argv[3])",
                        "m.create(f)",
                        "m.create(f + '-copy')",
                        "def mail(date, frm, subject, mid, extra='', body='hi'):",
                        "    text = ('Date: %s\\r\\nFrom: %s\\r\\nTo: zed@x.test\\r\\nSubject: %s\\r\\nMessage-ID: %s\\r\\n%s'"
                                + " '\\r\\n%s\\r\\n') % (date, frm, subject, mid, extra, body)",
                        "    assert m.append(f, None, None, text.encode())[0] == 'OK'",
                        "mail('Mon, 1 Jan 2024 10:00:00 +0000', 'carol@x.test', 'Lunch', '<l1@x.test>')",
                        "mail('Tue, 2 Jan 2024 10:00:00 +0000', 'Alice <alice@x.test>', 'Re: Lunch', '<l2@x.test>',"
                                + " 'In-Reply-To: <l1@x.test>\\r\\nReferences: <l1@x.test>\\r\\nCc: bob@x.test\\r\\n')",
                        "mail('Sun, 31 Dec 2023 10:00:00 +0000', 'Bob <bob@x.test>', '[team] Budget', '<b1@x.test>',"
                                + " body='x' * 5000)",
                        "mail('Wed, 3 Jan 2024 10:00:00 +0000', 'dave@x.test', 'Re: Re: Lunch', '<l3@x.test>',"
                                + " 'References: <l1@x.test>\\r\\n  <l2@x.test>\\r\\n')",
                        "mail('Thu, 4 Jan 2024 10:00:00 +0000', 'erin@x.test', 'Fwd: Budget (fwd)', '<b2@x.test>')",
                        "m.select(f)",
                        "print('DATE', m.sort('(DATE)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('REVDATE', m.sort('(REVERSE DATE)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('FROM', m.sort('(FROM)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('SUBJECT', m.sort('(SUBJECT DATE)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('CC', m.sort('(REVERSE CC DATE)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('SIZE', m.sort('(REVERSE SIZE)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('SEARCHED', m.sort('(REVERSE DATE)', 'UTF-8', 'SUBJECT', 'lunch')[1][0].decode())",
                        "print('UIDSORT', m.uid('SORT', '(FROM)', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('REFS', m.thread('REFERENCES', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('ORDERED', m.thread('ORDEREDSUBJECT', 'UTF-8', 'ALL')[1][0].decode())",
                        "print('UIDTHREAD', m.uid('THREAD', 'REFERENCES', 'UTF-8', 'NOT', 'FROM', 'dave')[1][0].decode())",
                        "m.copy('1,3,5', f + '-copy')",
                        "m.select(f + '-copy')",
                        "print('COPIED', m.sort('(FROM)', 'UTF-8', 'ALL')[1][0].decode())",
                        "m.logout()"),
                folder);
        assertTrue(output.contains("DATE 3 1 2 4 5\n"), output);
        assertTrue(output.contains("REVDATE 5 4 2 1 3\n"), output);
        // first From mailboxes alice, bob, carol, dave, erin
        assertTrue(output.contains("FROM 2 3 1 4 5\n"), output);
        // base subjects Budget (3, 5) then Lunch (1, 2, 4)
        assertTrue(output.contains("SUBJECT 3 5 1 2 4\n"), output);
        // only 2 has a Cc (bob); the others have the empty Cc, by date
        assertTrue(output.contains("CC 2 3 1 4 5\n"), output);
        assertTrue(output.contains("SIZE 3 "), output);
        assertTrue(output.contains("SEARCHED 4 2 1\n"), output);
        assertTrue(output.contains("UIDSORT 2 3 1 4 5\n"), output);
        // 1 ← 2 ← 4 by References; 5 ("Fwd: Budget (fwd)") gathered under 3 by subject
        assertTrue(output.contains("REFS (3 5)(1 2 4)\n"), output);
        assertTrue(output.contains("ORDERED (3 5)(1 (2)(4))\n"), output);
        assertTrue(output.contains("UIDTHREAD (3 5)(1 2)\n"), output);
        // COPY keeps the keys: bob, carol, erin
        assertTrue(output.contains("COPIED 2 1 3\n"), output);
    }

    @Test
    void folderNamesInModifiedUtf7() throws Exception {
        // "台北" with a unique ASCII suffix, and "日本語" below it (RFC 3501 §5.1.3's example)
        String parent = "&U,BTFw-" + System.nanoTime();
        String output = python(
                String.join(
                        "\n",
                        "import imaplib, sys",
                        "p = sys.argv[4]",
                        "m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))",
                        "m.login('alice', sys.argv[3])",
                        "print('CREATE', m.create(p + '/&ZeVnLIqe-')[0])",
                        "print('BADNAME', m.create('Bad&Name')[0])",
                        "typ, data = m.list('\"\"', p + '*'); print('LIST', ' | '.join(d.decode() for d in data))",
                        "m.append(p + '/&ZeVnLIqe-', None, None, b'Subject: utf7\\r\\n\\r\\nx\\r\\n')",
                        "typ, data = m.select(p + '/&ZeVnLIqe-'); print('SELECT', typ, data[0].decode())",
                        "print('RENAME', m.rename(p + '/&ZeVnLIqe-', '\"' + p + '/Tom &- Jerry\"')[0])",
                        "typ, data = m.status('\"' + p + '/Tom &- Jerry\"', '(MESSAGES)'); print('STATUS', data[0].decode())",
                        "m.logout()"),
                parent);
        assertTrue(output.contains("CREATE OK"), output);
        assertTrue(output.contains("BADNAME NO"), output);
        assertTrue(
                output.contains("LIST (\\HasChildren) \"/\" \"" + parent + "\" | (\\HasNoChildren) \"/\" \"" + parent
                        + "/&ZeVnLIqe-\""),
                output);
        assertTrue(output.contains("SELECT OK 1"), output);
        assertTrue(output.contains("RENAME OK"), output);
        assertTrue(output.contains("STATUS \"" + parent + "/Tom &- Jerry\" (MESSAGES 1)"), output);
    }
}
