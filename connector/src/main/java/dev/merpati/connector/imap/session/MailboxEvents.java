package dev.merpati.connector.imap.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who watches which account's folders, so that a change made by one session (or signalled for a
 * delivery) wakes the sessions idling on that account without any polling. A session registers while
 * it waits in IDLE; the wake-up runs the session's listener on its own event loop.
 */
public final class MailboxEvents {

    private final Map<Long, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    /** A session waiting for changes of one account. */
    public interface Watcher {
        /** A folder of the account changed; called on any thread. */
        void changed(long folderId);
    }

    public void watch(long accountId, Watcher watcher) {
        watchers.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
    }

    public void unwatch(long accountId, Watcher watcher) {
        watchers.computeIfPresent(accountId, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * A folder of the account changed.
     *
     * @param folderId the folder, or -1 when unknown (then every watcher of the account re-checks)
     * @param origin the session that made the change, which is not woken; may be null
     */
    public void changed(long accountId, long folderId, Object origin) {
        Set<Watcher> set = watchers.get(accountId);
        if (set != null) {
            for (Watcher watcher : set) {
                if (watcher != origin) {
                    watcher.changed(folderId);
                }
            }
        }
    }

    /** The number of watching sessions, for tests and monitoring. */
    public int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }
}
