package dev.merpati.connector.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The argument of MAIL FROM / RCPT TO: the path without angle brackets (and without a source route)
 * and the ESMTP parameters, keys upper-cased, values {@code null} when a keyword has none.
 */
public record PathArgument(String address, Map<String, String> parameters) {

    private static final int MAX_PATH_LENGTH = 256;

    public PathArgument {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses {@code FROM:<path> params} (keyword {@code "FROM:"}) or {@code TO:<path> params}. Like
     * Postfix by default, a path without angle brackets is accepted.
     *
     * @return empty when the argument does not have that form
     */
    public static Optional<PathArgument> parse(String argument, String keyword) {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return Optional.empty();
        }
        String rest = argument.substring(keyword.length()).stripLeading();
        String path;
        String parameters;
        if (rest.startsWith("<")) {
            int close = closingBracket(rest);
            if (close < 0) {
                return Optional.empty();
            }
            path = rest.substring(1, close);
            parameters = rest.substring(close + 1);
            if (!parameters.isEmpty() && parameters.charAt(0) != ' ') {
                return Optional.empty();
            }
        } else {
            int space = rest.indexOf(' ');
            path = space < 0 ? rest : rest.substring(0, space);
            parameters = space < 0 ? "" : rest.substring(space);
            if (path.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new PathArgument(withoutSourceRoute(path), parseParameters(parameters)));
    }

    /** A plausible mailbox: no controls, spaces or brackets outside a quoted local part. */
    public static boolean isValidAddress(String address) {
        if (address.isEmpty() || address.length() > MAX_PATH_LENGTH) {
            return false;
        }
        boolean quoted = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (!quoted && (c == ' ' || c == '<' || c == '>')) {
                return false;
            }
        }
        return !quoted;
    }

    public static boolean isAscii(String address) {
        return address.chars().allMatch(c -> c < 0x80);
    }

    private static int closingBracket(String text) {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    // RFC 5321 §4.1.1.3: a source route (@a,@b:user@c) must be accepted and ignored.
    private static String withoutSourceRoute(String path) {
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon > 0) {
                return path.substring(colon + 1);
            }
        }
        return path;
    }

    private static Map<String, String> parseParameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : text.strip().split(" +")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
            parameters.put(key, equals < 0 ? null : parameter.substring(equals + 1));
        }
        return parameters;
    }
}
