package dev.merpati.connector.smtp;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Syntax of the RFC 3461 (DSN) parameters of MAIL FROM and RCPT TO. */
final class DsnParameters {

    static final int MAX_ENVID = 100;
    static final int MAX_ORCPT = 500;
    private static final Set<String> NOTIFY_KEYWORDS = Set.of("SUCCESS", "FAILURE", "DELAY");

    private DsnParameters() {}

    /** @return {@code FULL} or {@code HDRS}, or {@code null} when invalid */
    static String ret(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.equals("FULL") || upper.equals("HDRS") ? upper : null;
    }

    /** @return the upper-cased NOTIFY list, or {@code null} when invalid (NEVER must stand alone) */
    static String notify(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("NEVER")) {
            return upper;
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (String keyword : upper.split(",", -1)) {
            if (!NOTIFY_KEYWORDS.contains(keyword) || !keywords.add(keyword)) {
                return null;
            }
        }
        return String.join(",", keywords);
    }

    /** ORCPT: {@code addr-type ";" xtext}, e.g. {@code rfc822;bob@example.org}. */
    static boolean validOrcpt(String value) {
        if (value == null || value.length() > MAX_ORCPT) {
            return false;
        }
        int semicolon = value.indexOf(';');
        if (semicolon <= 0) {
            return false;
        }
        String type = value.substring(0, semicolon);
        return type.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
                && validXtext(value.substring(semicolon + 1), MAX_ORCPT);
    }

    /** xtext (RFC 3461 §4): printable ASCII except "+" and "=", with "+XX" hex escapes. */
    static boolean validXtext(String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length() || !hex(value.charAt(i + 1)) || !hex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < 0x21 || c > 0x7e || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
