package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FolderInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which names a LIST or LSUB returns and with which attributes (RFC 3501 §6.3.8-9, RFC 5258, RFC
 * 6154), computed from the account's folders and subscriptions. Hierarchy levels without a folder of
 * their own (a deleted parent, or the parent of a renamed folder) are listed as \Noselect, or
 * \NonExistent under the extended syntax, with \HasChildren.
 */
final class MailboxList {

    /**
     * One response line.
     *
     * @param selectable the name is a folder that satisfies the selection criteria (STATUS is
     *     returned only for those)
     * @param childInfo the selection criteria some descendant not matched by the patterns satisfies
     *     (RFC 5258 CHILDINFO), empty for none
     */
    record Entry(String name, List<String> attributes, boolean selectable, List<String> childInfo) {}

    private MailboxList() {}

    static List<Entry> compute(List<FolderInfo> folders, ListRequest request) {
        Map<String, FolderInfo> existing = new HashMap<>();
        Set<String> subscribed = new HashSet<>();
        TreeSet<String> names = new TreeSet<>();
        Set<String> parentsOfFolders = new HashSet<>();
        for (FolderInfo folder : folders) {
            if (folder.exists()) {
                existing.put(folder.name(), folder);
                parentsOfFolders.addAll(ancestors(folder.name()));
            }
            if (folder.subscribed()) {
                subscribed.add(folder.name());
            }
            names.add(folder.name());
            names.addAll(ancestors(folder.name()));
        }
        List<String> base = request.baseSelection();
        // names with a descendant that satisfies the criteria but is not itself matched
        Set<String> parentsOfUnmatched = new HashSet<>();
        if (request.recursiveMatch() || request.lsub()) {
            for (String name : names) {
                if (satisfies(name, base, existing, subscribed) && !matchesAny(request.patterns(), name)) {
                    parentsOfUnmatched.addAll(ancestors(name));
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            if (!matchesAny(request.patterns(), name)) {
                continue;
            }
            boolean exists = existing.containsKey(name);
            boolean selected = satisfies(name, base, existing, subscribed);
            boolean hierarchyLevel = base.isEmpty() && !exists && parentsOfFolders.contains(name);
            boolean parentOfUnmatched = parentsOfUnmatched.contains(name);
            if (!selected && !hierarchyLevel && !parentOfUnmatched) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            if (!exists) {
                attributes.add(request.extended() ? "\\NonExistent" : "\\Noselect");
            } else if (request.lsub() && !selected) {
                // LSUB lists a level above a subscribed name as \Noselect (RFC 3501 §6.3.9)
                attributes.add("\\Noselect");
            }
            if (request.showSubscribed() && subscribed.contains(name)) {
                attributes.add("\\Subscribed");
            }
            attributes.add(parentsOfFolders.contains(name) ? "\\HasChildren" : "\\HasNoChildren");
            FolderInfo folder = existing.get(name);
            if (folder != null && folder.specialUse() != null) {
                attributes.add("\\" + folder.specialUse());
            }
            List<String> childInfo = request.recursiveMatch() && parentOfUnmatched ? base : List.of();
            entries.add(new Entry(name, attributes, exists && selected, childInfo));
        }
        return entries;
    }

    /** Whether the name satisfies all base selection criteria (with none: it is a folder). */
    private static boolean satisfies(
            String name, List<String> base, Map<String, FolderInfo> existing, Set<String> subscribed) {
        if (base.isEmpty()) {
            return existing.containsKey(name);
        }
        for (String criterion : base) {
            boolean ok =
                    switch (criterion) {
                        case ListRequest.SUBSCRIBED -> subscribed.contains(name);
                        case ListRequest.SPECIAL_USE -> existing.containsKey(name)
                                && existing.get(name).specialUse() != null;
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** "a/b/c" → "a", "a/b". */
    static List<String> ancestors(String name) {
        List<String> result = new ArrayList<>();
        for (int i = name.indexOf(ListCommand.DELIMITER); i > 0; i = name.indexOf(ListCommand.DELIMITER, i + 1)) {
            result.add(name.substring(0, i));
        }
        return result;
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String pattern : patterns) {
            if (ListCommand.matches(pattern, name)) {
                return true;
            }
        }
        return false;
    }
}
