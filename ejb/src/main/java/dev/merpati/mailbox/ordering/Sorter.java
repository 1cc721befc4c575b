package dev.merpati.mailbox.ordering;

import dev.merpati.connector.api.SortCriterion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** SORT (RFC 5256 §3): messages in the order of the keys; ties stay in UID (= sequence) order. */
public final class Sorter {

    private Sorter() {}

    /** @return the UIDs in sorted order */
    public static List<Long> sort(List<OrderedMessage> messages, List<SortCriterion> criteria) {
        // each string is collated once, not once per comparison
        Map<String, String> keys = new HashMap<>();
        Function<String, String> collated = text -> keys.computeIfAbsent(text, Collation::key);
        Comparator<OrderedMessage> order = null;
        for (SortCriterion criterion : criteria) {
            Comparator<OrderedMessage> next = comparator(criterion.key(), collated);
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

    private static Comparator<OrderedMessage> comparator(SortCriterion.Key key, Function<String, String> collated) {
        return switch (key) {
            case ARRIVAL -> Comparator.comparing(OrderedMessage::arrival);
            case DATE -> Comparator.comparing(OrderedMessage::sent);
            case SIZE -> Comparator.comparingLong(OrderedMessage::size);
            case SUBJECT -> Comparator.comparing(m -> collated.apply(m.subject().text()), Collation::compareKeys);
            case FROM -> Comparator.comparing(m -> collated.apply(m.from()), Collation::compareKeys);
            case TO -> Comparator.comparing(m -> collated.apply(m.to()), Collation::compareKeys);
            case CC -> Comparator.comparing(m -> collated.apply(m.cc()), Collation::compareKeys);
        };
    }
}
