package dev.merpati.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The admin accounts: system property {@value #PROPERTY}, addresses separated by commas. */
final class Admins {

    static final String PROPERTY = "merpati.admins";

    private Admins() {}

    static Set<String> fromSystemProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    static Set<String> parse(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
