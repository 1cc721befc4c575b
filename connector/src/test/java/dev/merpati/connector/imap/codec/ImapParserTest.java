package dev.merpati.connector.imap.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapParserTest {

    private static ImapParser parser(String line) {
        return new ImapParser(CommandInput.of(line));
    }

    @Test
    void atomsQuotedStringsAndLiterals() throws Exception {
        CommandInput input = new CommandInput();
        input.addLine("a1 LOGIN {5}");
        input.addLiteral("al\u00e9".getBytes(StandardCharsets.UTF_8));
        input.addLine(" \"se\\\"cr\\\\et\"");
        ImapParser p = new ImapParser(input);
        assertEquals("a1", p.tag());
        p.sp();
        assertEquals("LOGIN", p.keyword());
        p.sp();
        assertEquals("al\u00e9", p.astring());
        p.sp();
        assertEquals("se\"cr\\et", p.astring());
        p.end();
    }

    @Test
    void malformedTokensAreSyntaxErrors() {
        assertThrows(ImapSyntaxException.class, () -> parser("\"open").string());
        assertThrows(ImapSyntaxException.class, () -> parser("\"bad\\escape\"").string());
        assertThrows(ImapSyntaxException.class, () -> parser("(a").flagList());
        assertThrows(ImapSyntaxException.class, () -> parser("").tag());
        assertThrows(ImapSyntaxException.class, () -> parser("\u00e9t\u00e9").atom(), "8-bit is not an atom");
        assertThrows(ImapSyntaxException.class, () -> parser("{3}").astring(), "a literal without octets");
        assertThrows(
                ImapSyntaxException.class, () -> parser("99999999999999999999").number());
    }

    @Test
    void flagLists() throws Exception {
        assertEquals(
                List.of("\\Seen", "$Label", "\\*"),
                parser("(\\Seen $Label \\*)").flagList());
        assertEquals(List.of(), parser("()").flagList());
    }

    @Test
    void sequenceSets() throws Exception {
        SequenceSet set = SequenceSet.parse("1,3:4,7:*");
        assertEquals(List.of(1, 3, 4, 7, 8), set.numbers(8));
        assertEquals(List.of(20L), SequenceSet.parse("30:*").select(new long[] {5, 10, 20}, 3));
        assertEquals(List.of(10L, 20L), SequenceSet.parse("*:10").select(new long[] {5, 10, 20}, 3));
        assertTrue(SequenceSet.parse("4294967295").contains(4294967295L, 1));
        for (String bad : new String[] {"0", "1:0", "", "1,,2", "4294967296", "a", "-1", "1:2:3"}) {
            assertThrows(ImapSyntaxException.class, () -> SequenceSet.parse(bad), bad);
        }
    }

    @Test
    void literalAnnouncements() {
        assertEquals(new LiteralAnnouncement(12, true, 8), LiteralAnnouncement.at("a APPEND{12}"));
        LiteralAnnouncement nonSync = LiteralAnnouncement.at("a LOGIN {3+}");
        assertFalse(nonSync.synchronizing());
        assertEquals(3, nonSync.size());
        assertNull(LiteralAnnouncement.at("a LOGIN {-1}"));
        assertNull(LiteralAnnouncement.at("a LOGIN {}"));
        assertNull(LiteralAnnouncement.at("a LOGIN {12x}"));
        assertEquals(
                LiteralAnnouncement.TOO_BIG,
                LiteralAnnouncement.at("{99999999999999999999999999}").size());
    }

    @Test
    void datesAndCompactSets() throws Exception {
        assertEquals("1994-02-01", ImapDates.parseDate("1-feb-1994").toString());
        assertEquals(
                "1996-07-17T09:44:25Z",
                ImapDates.parseDateTime(" 17-Jul-1996 02:44:25 -0700").toString());
        assertThrows(ImapSyntaxException.class, () -> ImapDates.parseDate("31-Foo-2020"));
        assertEquals("1:3,5,7:8", SequenceSet.compact(List.of(1L, 2L, 3L, 5L, 7L, 8L)));
    }
}
