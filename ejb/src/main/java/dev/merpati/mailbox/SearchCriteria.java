package dev.merpati.mailbox;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a search asks of a folder's messages; every criterion given must hold (null or empty: no
 * condition). Text matches without regard to case, as a part of the fields named.
 *
 * @param text the words to find, as one string
 * @param in where to look for {@code text}: any of these fields may contain it
 * @param since the date (Date field, else arrival) at or after this instant
 * @param before the date before this instant
 * @param with flags the message must have
 * @param without flags the message must not have
 * @param largerThan size in octets above this
 * @param smallerThan size in octets below this
 */
public record SearchCriteria(
        String text,
        Set<Field> in,
        Instant since,
        Instant before,
        Set<Flag> with,
        Set<Flag> without,
        Long largerThan,
        Long smallerThan) {

    /** Where text is looked for. The body is read from the store, so it costs most. */
    public enum Field {
        SUBJECT,
        FROM,
        TO,
        BODY
    }

    public SearchCriteria {
        text = text == null || text.isBlank() ? null : text.strip();
        in = in == null || in.isEmpty() ? EnumSet.of(Field.SUBJECT, Field.FROM, Field.TO) : Set.copyOf(in);
        with = with == null ? Set.of() : Set.copyOf(with);
        without = without == null ? Set.of() : Set.copyOf(without);
    }

    /** The quick search: the text in any of these fields (subject, from and to when none is named). */
    public static SearchCriteria text(String text, Field... in) {
        return new SearchCriteria(text, Set.of(in), null, null, null, null, null, null);
    }

    public SearchCriteria withFlags(Set<Flag> flags) {
        return new SearchCriteria(text, in, since, before, flags, without, largerThan, smallerThan);
    }

    public SearchCriteria withoutFlags(Set<Flag> flags) {
        return new SearchCriteria(text, in, since, before, with, flags, largerThan, smallerThan);
    }

    public SearchCriteria between(Instant since, Instant before) {
        return new SearchCriteria(text, in, since, before, with, without, largerThan, smallerThan);
    }

    public SearchCriteria sized(Long largerThan, Long smallerThan) {
        return new SearchCriteria(text, in, since, before, with, without, largerThan, smallerThan);
    }

    /** Whether the text is looked for in the body, which only reading the messages can answer. */
    boolean searchesBody() {
        return text != null && in.contains(Field.BODY);
    }
}
