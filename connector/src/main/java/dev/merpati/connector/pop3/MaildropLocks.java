package dev.merpati.connector.pop3;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The exclusive-access locks of RFC 1939 §8: one POP3 session per maildrop. A second session gets
 * {@code -ERR [IN-USE]} (RFC 2449 §8.1.1).
 *
 * <p>The locks live in this node's memory, shared by the POP3 and POP3S listeners of the adapter,
 * and are released when the session ends in any way (QUIT, a dropped connection, the idle timeout),
 * so a crashed client never leaves a maildrop locked; a node that stops releases them all. With
 * several nodes, a lease row in the database would take this class's place.
 */
public final class MaildropLocks {

    private final ConcurrentMap<Long, Object> holders = new ConcurrentHashMap<>();

    /** @return whether {@code holder} now holds the account's lock (also when it already did) */
    public boolean tryLock(long accountId, Object holder) {
        return holders.putIfAbsent(accountId, holder) == null || holders.get(accountId) == holder;
    }

    /** Releases the lock if {@code holder} holds it; harmless otherwise. */
    public void release(long accountId, Object holder) {
        holders.remove(accountId, holder);
    }

    public boolean isLocked(long accountId) {
        return holders.containsKey(accountId);
    }
}
