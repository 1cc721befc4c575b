package dev.merpati.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote recipients an SMTP session of this server is delivering to (or is waiting to): they
 * stay PENDING in the database while the session runs outside any transaction, and this is what
 * keeps a repeated JMS message or a sweep from starting a second session for them. After a crash
 * the set is empty and the sweeper sends them again (at worst twice, like Postfix).
 */
@ApplicationScoped
public class RecipientsInFlight {

    private final Map<Long, Object> claims = new ConcurrentHashMap<>();
    private final Map<Object, Collection<Long>> owners = new ConcurrentHashMap<>();

    public boolean contains(long recipientId) {
        return claims.containsKey(recipientId);
    }

    /** Claims the recipients for the owner; false (and nothing claimed) if one is claimed already. */
    public synchronized boolean claim(Collection<Long> recipientIds, Object owner) {
        if (recipientIds.stream().anyMatch(claims::containsKey)) {
            return false;
        }
        recipientIds.forEach(id -> claims.put(id, owner));
        owners.put(owner, List.copyOf(recipientIds));
        return true;
    }

    /** Releases what the owner claimed. */
    public synchronized void release(Object owner) {
        Collection<Long> ids = owners.remove(owner);
        if (ids != null) {
            ids.forEach(id -> claims.remove(id, owner));
        }
    }

    public int size() {
        return claims.size();
    }
}
