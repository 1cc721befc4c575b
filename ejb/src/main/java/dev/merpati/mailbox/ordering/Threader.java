package dev.merpati.mailbox.ordering;

import dev.merpati.connector.api.MessageThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** THREAD (RFC 5256 §4): the ORDEREDSUBJECT and REFERENCES algorithms. */
public final class Threader {

    private static final Comparator<OrderedMessage> BY_SENT =
            Comparator.comparing(OrderedMessage::sent).thenComparingLong(OrderedMessage::uid);

    private Threader() {}

    /** ORDEREDSUBJECT: messages grouped by base subject; the first (by sent date) is the parent of the others. */
    public static List<MessageThread> orderedSubject(List<OrderedMessage> messages) {
        Map<String, List<OrderedMessage>> bySubject = new LinkedHashMap<>();
        List<OrderedMessage> sorted = new ArrayList<>(messages);
        sorted.sort(BY_SENT);
        for (OrderedMessage message : sorted) {
            bySubject
                    .computeIfAbsent(Collation.key(message.subject().text()), k -> new ArrayList<>())
                    .add(message);
        }
        // the groups in the order of their first messages' dates, which is the order they were met
        List<MessageThread> threads = new ArrayList<>();
        for (List<OrderedMessage> group : bySubject.values()) {
            List<MessageThread> children = group.subList(1, group.size()).stream()
                    .map(m -> new MessageThread(m.uid(), List.of()))
                    .toList();
            threads.add(new MessageThread(group.get(0).uid(), children));
        }
        return threads;
    }

    /** REFERENCES: parent/child links from Message-ID and References, then threads merged by subject. */
    public static List<MessageThread> references(List<OrderedMessage> messages) {
        List<Container> roots = link(messages);
        roots = prune(roots, true);
        sortSiblings(roots);
        roots = gatherBySubject(roots);
        sortSiblings(roots);
        return roots.stream().map(Threader::toThread).toList();
    }

    private static final class Container {
        OrderedMessage message;
        Container parent;
        final List<Container> children = new ArrayList<>();

        void adopt(Container child) {
            if (child.parent != null) {
                child.parent.children.remove(child);
            }
            child.parent = this;
            children.add(child);
        }

        /** Whether {@code other} is this container or below it. */
        boolean reaches(Container other) {
            if (other == this) {
                return true;
            }
            for (Container child : children) {
                if (child.reaches(other)) {
                    return true;
                }
            }
            return false;
        }

        /** The message that stands for this container: its own, else its first child's. */
        OrderedMessage representative() {
            return message != null ? message : children.get(0).representative();
        }
    }

    /** Step 1 and 2: containers linked by the references, and the root set. */
    private static List<Container> link(List<OrderedMessage> messages) {
        Map<String, Container> ids = new HashMap<>();
        List<Container> all = new ArrayList<>();
        List<OrderedMessage> inOrder = new ArrayList<>(messages);
        inOrder.sort(Comparator.comparingLong(OrderedMessage::uid));
        for (OrderedMessage message : inOrder) {
            Container own = message.messageId() == null ? null : ids.get(message.messageId());
            if (own == null || own.message != null) {
                // a message without an id, or a duplicate id, gets a container of its own
                own = new Container();
                all.add(own);
                if (message.messageId() != null && !ids.containsKey(message.messageId())) {
                    ids.put(message.messageId(), own);
                }
            }
            own.message = message;
            Container previous = null;
            for (String reference : message.references()) {
                Container current = ids.get(reference);
                if (current == null) {
                    current = new Container();
                    ids.put(reference, current);
                    all.add(current);
                }
                if (previous != null
                        && current.parent == null
                        && !current.reaches(previous)
                        && !previous.reaches(current)) {
                    previous.adopt(current);
                }
                previous = current;
            }
            if (previous != null && (previous == own || own.reaches(previous))) {
                previous = null;
            }
            if (own.parent != null) {
                own.parent.children.remove(own);
                own.parent = null;
            }
            if (previous != null) {
                previous.adopt(own);
            }
        }
        List<Container> roots = new ArrayList<>();
        for (Container container : all) {
            if (container.parent == null) {
                roots.add(container);
            }
        }
        return roots;
    }

    /** Step 3: placeholders without children go; others give their children to their parent. */
    private static List<Container> prune(List<Container> siblings, boolean root) {
        List<Container> kept = new ArrayList<>();
        for (Container container : siblings) {
            List<Container> children = prune(new ArrayList<>(container.children), false);
            container.children.clear();
            children.forEach(child -> child.parent = container);
            container.children.addAll(children);
            if (container.message != null) {
                kept.add(container);
            } else if (container.children.isEmpty()) {
                // dropped
            } else if (!root || container.children.size() == 1) {
                for (Container child : container.children) {
                    child.parent = container.parent;
                    kept.add(child);
                }
            } else {
                kept.add(container);
            }
        }
        return kept;
    }

    /** Step 5: top-level threads with the same base subject are put together. */
    private static List<Container> gatherBySubject(List<Container> roots) {
        Map<String, Container> table = new HashMap<>();
        for (Container container : roots) {
            BaseSubject subject = container.representative().subject();
            if (subject.text().isEmpty()) {
                continue;
            }
            String key = Collation.key(subject.text());
            Container old = table.get(key);
            if (old == null
                    || (container.message == null && old.message != null)
                    || (old.message != null
                            && old.representative().subject().replyOrForward()
                            && !subject.replyOrForward())) {
                table.put(key, container);
            }
        }
        List<Container> result = new ArrayList<>(roots);
        java.util.Set<Container> merged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Container container : roots) {
            if (merged.contains(container)) {
                continue;
            }
            BaseSubject subject = container.representative().subject();
            if (subject.text().isEmpty()) {
                continue;
            }
            String key = Collation.key(subject.text());
            Container other = table.get(key);
            if (other == null || other == container) {
                continue;
            }
            if (other.message == null && container.message == null) {
                for (Container child : new ArrayList<>(container.children)) {
                    other.adopt(child);
                }
                merged.add(container);
            } else if (other.message == null) {
                other.adopt(container);
                merged.add(container);
            } else if (container.message == null) {
                container.adopt(other);
                merged.add(other);
                table.put(key, container);
            } else if (!other.message.subject().replyOrForward()
                    && container.message.subject().replyOrForward()) {
                other.adopt(container);
                merged.add(container);
            } else if (other.message.subject().replyOrForward()
                    && !container.message.subject().replyOrForward()) {
                container.adopt(other);
                merged.add(other);
                table.put(key, container);
            } else {
                Container placeholder = new Container();
                result.set(result.indexOf(other), placeholder);
                placeholder.adopt(other);
                placeholder.adopt(container);
                merged.add(container);
                table.put(key, placeholder);
            }
        }
        result.removeIf(merged::contains);
        for (Container container : result) {
            container.parent = null;
        }
        return result;
    }

    /** Steps 4 and 6: every set of siblings by sent date; a placeholder by its first child's. */
    private static void sortSiblings(List<Container> siblings) {
        for (Container container : siblings) {
            sortSiblings(container.children);
        }
        siblings.sort(Comparator.comparing(Container::representative, BY_SENT));
    }

    private static MessageThread toThread(Container container) {
        return new MessageThread(
                container.message == null ? 0 : container.message.uid(),
                container.children.stream().map(Threader::toThread).toList());
    }
}
