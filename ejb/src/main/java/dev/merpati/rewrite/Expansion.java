package dev.merpati.rewrite;

import dev.merpati.account.MailAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands an address through aliases and forwards to its final destinations: mailboxes, remote
 * addresses and errors, without duplicates (each mailbox and remote address once), as
 * /etc/aliases and ~/.forward do.
 *
 * <ul>
 *   <li>An alias stands for all its targets, which may be aliases again (nested expansion).
 *   <li>A target already being expanded higher up is a loop: an account there gets the mail
 *       itself (like {@code user: user, other}), anything else is dropped.
 *   <li>A forward sends the account's mail to its targets instead, and also to the account itself
 *       when it keeps a copy (like a backslash-escaped own name in ~/.forward).
 *   <li>Expansion stops at {@link #MAX_DEPTH} levels with an error for that branch.
 * </ul>
 */
public final class Expansion {

    public static final int MAX_DEPTH = 20;

    private final RewriteRules rules;
    private final AddressDirectory directory;
    private final Map<String, Destination> results = new LinkedHashMap<>();

    /**
     * A final destination: the address as found during expansion (canonical form where it could be
     * made) and what it resolved to: {@link Resolution.Local}, {@link Resolution.Remote} or {@link
     * Resolution.Error}.
     */
    public record Destination(String address, Resolution resolution) {}

    private Expansion(RewriteRules rules, AddressDirectory directory) {
        this.rules = rules;
        this.directory = directory;
    }

    /** The final destinations of one address, in the order found. */
    public static List<Destination> of(String address, RewriteRules rules, AddressDirectory directory) {
        Expansion expansion = new Expansion(rules, directory);
        expansion.visit(address, 0, new HashSet<>());
        if (expansion.results.isEmpty()) {
            expansion.add(address, new Resolution.Error("alias loop: " + address));
        }
        return List.copyOf(expansion.results.values());
    }

    private void visit(String address, int depth, Set<String> ancestors) {
        if (depth > MAX_DEPTH) {
            add(address, new Resolution.Error("alias expansion too deep at " + address));
            return;
        }
        Resolution r = rules.resolve(address);
        if (r instanceof Resolution.Alias alias) {
            if (!enter(ancestors, alias.address())) {
                // a loop back to an alias: if an account of that name exists, it is the end of the line
                directory
                        .findAccount(localPart(alias.address()), domain(alias.address()))
                        .ifPresent(id -> add(alias.address(), new Resolution.Local(id, alias.address())));
                return;
            }
            String domain = domain(alias.address());
            for (String target : alias.targets()) {
                // bare names in an alias belong to the alias's own domain
                visit(target.indexOf('@') < 0 ? target + "@" + domain : target, depth + 1, ancestors);
            }
            ancestors.remove(alias.address());
        } else if (r instanceof Resolution.Local local) {
            var forward = directory.forward(local.accountId());
            if (forward.isEmpty() || forward.get().targets().isEmpty()) {
                add(local.address(), local);
                return;
            }
            String key = "#" + local.accountId();
            if (!enter(ancestors, key)) {
                add(local.address(), local);
                return;
            }
            if (forward.get().keepCopy()) {
                add(local.address(), local);
            }
            for (String target : forward.get().targets()) {
                Resolution t = rules.resolve(target);
                if (t instanceof Resolution.Local same && same.accountId() == local.accountId()) {
                    add(local.address(), local); // forwarding to oneself keeps a copy
                } else {
                    visit(target, depth + 1, ancestors);
                }
            }
            ancestors.remove(key);
        } else {
            add(rules.canonical(address).map(MailAddress::toString).orElse(address.strip()), r);
        }
    }

    private static boolean enter(Set<String> ancestors, String key) {
        return ancestors.add(key);
    }

    private void add(String address, Resolution r) {
        String key;
        if (r instanceof Resolution.Local l) {
            key = "L" + l.accountId();
        } else if (r instanceof Resolution.Remote remote) {
            key = "R" + remote.address().toLowerCase(Locale.ROOT);
        } else if (r instanceof Resolution.Error e) {
            key = "E" + e.reason();
        } else {
            throw new IllegalArgumentException("not a final destination: " + r);
        }
        results.putIfAbsent(key, new Destination(address, r));
    }

    private static String localPart(String address) {
        return address.substring(0, address.lastIndexOf('@'));
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** Alias and forward target lists as written by people: separated by commas, blanks or new lines. */
    public static List<String> parseTargets(String text) {
        List<String> targets = new ArrayList<>();
        if (text == null) {
            return targets;
        }
        for (String t : text.split("[,\\s]+")) {
            String target = t.strip();
            if (target.startsWith("<") && target.endsWith(">")) {
                target = target.substring(1, target.length() - 1);
            }
            if (!target.isEmpty()) {
                targets.add(target);
            }
        }
        return targets;
    }
}
