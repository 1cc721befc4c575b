package dev.merpati.mailbox.ordering;

import dev.merpati.connector.api.SortCriterion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SORT (RFC 5256 §3): messages in the order of the keys; ties stay in UID (= sequence) order. */
public final class Sorter {

    private Sorter() {}

    /** @return the UIDs in sorted order */
    public static List<Long> sort(List<OrderedMessage> messages, List<SortCriterion> criteria) {
        Comparator<OrderedMessage> order = null;
        for (SortCriterion criterion : criteria) {
            Comparator<OrderedMessage> next = comparator(criterion.key());
            if (criterion.reverse()) {
                next = next.reversed();
            }
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<OrderedMessage> bySequence = Comparator.comparingLong(OrderedMessage::uid);
        List<OrderedMessage> sorted = new ArrayList<>(messages);
        sorted.sort(order == null ? bySequence : order.thenComparing(bySequence));
        return sorted.stream().map(OrderedMessage::uid).toList();
    }

    static Comparator<OrderedMessage> comparator(SortCriterion.Key key) {
        return switch (key) {
            case ARRIVAL -> Comparator.comparing(OrderedMessage::arrival);
            case DATE -> Comparator.comparing(OrderedMessage::sent);
            case SIZE -> Comparator.comparingLong(OrderedMessage::size);
            case SUBJECT -> Comparator.comparing(m -> m.subject().text(), Collation.UNICODE_CASEMAP);
            case FROM -> Comparator.comparing(OrderedMessage::from, Collation.UNICODE_CASEMAP);
            case TO -> Comparator.comparing(OrderedMessage::to, Collation.UNICODE_CASEMAP);
            case CC -> Comparator.comparing(OrderedMessage::cc, Collation.UNICODE_CASEMAP);
        };
    }
}
