package dev.merpati.mailbox.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.merpati.connector.api.MessageThread;
import dev.merpati.connector.api.SortCriterion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SORT and both THREAD algorithms of RFC 5256 on small mailboxes. */
class ThreaderTest {

    private final List<OrderedMessage> box = new ArrayList<>();

    /** Message uid, sent at minute {@code minute}, with subject, id and references. */
    private void add(long uid, int minute, String subject, String id, String... references) {
        addFrom(uid, minute, subject, "", id, references);
    }

    private void addFrom(long uid, int minute, String subject, String from, String id, String... references) {
        Instant sent = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * minute);
        box.add(new OrderedMessage(
                uid,
                sent,
                Instant.parse("2024-06-01T00:00:00Z").minusSeconds(uid),
                1000 - uid * 10,
                BaseSubject.of(subject),
                from,
                "",
                "",
                id,
                List.of(references)));
    }

    /** The thread-list of RFC 5256 §5 with UIDs. */
    private static String format(List<MessageThread> threads) {
        StringBuilder out = new StringBuilder();
        for (MessageThread thread : threads) {
            out.append('(');
            members(out, thread);
            out.append(')');
        }
        return out.toString();
    }

    private static void members(StringBuilder out, MessageThread node) {
        if (!node.placeholder()) {
            out.append(node.uid());
            if (node.children().size() == 1) {
                out.append(' ');
                members(out, node.children().get(0));
                return;
            }
            if (!node.children().isEmpty()) {
                out.append(' ');
            }
        }
        for (MessageThread child : node.children()) {
            out.append('(');
            members(out, child);
            out.append(')');
        }
    }

    @Test
    void referencesBuildsTheTreeFromMessageIds() {
        add(1, 1, "Lunch", "<1@x>");
        add(2, 2, "Re: Lunch", "<2@x>", "<1@x>");
        add(3, 3, "Re: Lunch", "<3@x>", "<1@x>", "<2@x>");
        add(4, 4, "Re: Lunch", "<4@x>", "<1@x>");
        add(5, 5, "Other", "<5@x>");
        add(6, 6, "Re: Lunch", "<6@x>", "<1@x>", "<2@x>", "<3@x>");
        // 1 has two replies: 2 (→ 3 → 6) and 4; 5 stands alone
        assertEquals("(1 (2 3 6)(4))(5)", format(Threader.references(box)));
    }

    @Test
    void referencesToMissingMessagesAndSubjectGathering() {
        // two replies to a message the mailbox does not hold: a placeholder groups them
        add(1, 10, "Re: Trip", "<r1@x>", "<gone@x>");
        add(2, 11, "Re: Trip", "<r2@x>", "<gone@x>");
        // one reply to a missing message: promoted to the top level
        add(3, 5, "Re: Budget", "<r3@x>", "<gone2@x>");
        // same base subject without references: gathered under the original
        add(4, 1, "Budget", "<b@x>");
        // two originals with the same subject: a placeholder over both
        add(5, 20, "Party", "<p1@x>");
        add(6, 21, "Party", "<p2@x>");
        assertEquals("(4 3)((1)(2))((5)(6))", format(Threader.references(box)));
    }

    @Test
    void referencesSurviveLoopsDuplicatesAndMissingIds() {
        add(1, 1, "A", "<a@x>", "<b@x>");
        add(2, 2, "B", "<b@x>", "<a@x>");
        add(3, 3, "C", "<a@x>");
        add(4, 4, "D", null);
        add(5, 5, "Re: D", null, "<a@x>");
        // 1 was linked under <b@x> before 2 arrived; 2 cannot become 1's child as well
        assertEquals("(2 1 5)(3)(4)", format(Threader.references(box)));
    }

    @Test
    void orderedSubjectGroupsByBaseSubjectAndSortsByDate() {
        add(1, 30, "Re: Plans", "<1@x>");
        add(2, 10, "Plans", "<2@x>");
        add(3, 20, "news", "<3@x>");
        add(4, 40, "[list] Re: plans", "<4@x>");
        add(5, 50, "NEWS (fwd)", "<5@x>");
        add(6, 15, "Solo", "<6@x>");
        // threads ordered by their first message's date; children of the first message by date
        assertEquals("(2 (1)(4))(6)(3 5)", format(Threader.orderedSubject(box)));
    }

    @Test
    void sortKeysReverseAndTies() {
        addFrom(1, 3, "b", "carol", "<1@x>");
        addFrom(2, 1, "Re: a", "Bob", "<2@x>");
        addFrom(3, 2, "A", "alice", "<3@x>");
        addFrom(4, 2, "[x] c", "bob", "<4@x>");
        assertEquals(List.of(2L, 3L, 4L, 1L), Sorter.sort(box, List.of(criterion(SortCriterion.Key.DATE, false))));
        assertEquals(List.of(1L, 3L, 4L, 2L), Sorter.sort(box, List.of(criterion(SortCriterion.Key.DATE, true))));
        // base subjects a, a, b, c; ties in UID order
        assertEquals(List.of(2L, 3L, 1L, 4L), Sorter.sort(box, List.of(criterion(SortCriterion.Key.SUBJECT, false))));
        // Bob and bob collate equal: then by REVERSE DATE
        assertEquals(
                List.of(3L, 4L, 2L, 1L),
                Sorter.sort(
                        box,
                        List.of(criterion(SortCriterion.Key.FROM, false), criterion(SortCriterion.Key.DATE, true))));
        assertEquals(List.of(4L, 3L, 2L, 1L), Sorter.sort(box, List.of(criterion(SortCriterion.Key.SIZE, false))));
        assertEquals(List.of(4L, 3L, 2L, 1L), Sorter.sort(box, List.of(criterion(SortCriterion.Key.ARRIVAL, false))));
        assertEquals(List.of(1L, 2L, 3L, 4L), Sorter.sort(box, List.of(criterion(SortCriterion.Key.CC, false))));
    }

    private static SortCriterion criterion(SortCriterion.Key key, boolean reverse) {
        return new SortCriterion(key, reverse);
    }
}
