package dev.merpati.account;

import java.util.Locale;
import java.util.Optional;

/**
 * An address split at its last {@code @}. The domain is lower-cased (domains are case-insensitive);
 * the local part is kept as given.
 */
public record MailAddress(String localPart, String domain) {

    public static Optional<MailAddress> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain = normalizeDomain(trimmed.substring(at + 1));
        if (domain.isEmpty() || containsControlOrSpace(local) || containsControlOrSpace(domain)) {
            return Optional.empty();
        }
        return Optional.of(new MailAddress(local, domain));
    }

    public static String normalizeDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** The local part as accounts store it: matched case-insensitively. */
    public String canonicalLocalPart() {
        return localPart.toLowerCase(Locale.ROOT);
    }

    private static boolean containsControlOrSpace(String s) {
        return s.chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
