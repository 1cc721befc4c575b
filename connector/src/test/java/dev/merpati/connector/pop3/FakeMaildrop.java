package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.api.MaildropMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** One account (alice / secret, id 7) with an in-memory INBOX; records reads and deletions. */
final class FakeMaildrop implements AuthenticationListener, MaildropListener {

    static final long ACCOUNT = 7;

    private final Map<Long, byte[]> messages = new LinkedHashMap<>();
    final List<List<Long>> deletions = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean failDelete;

    synchronized void add(long id, byte[] content) {
        messages.put(id, content);
    }

    @Override
    public AuthenticatedUser authenticate(String login, String password) {
        return login.equals("alice") && password.equals("secret")
                ? new AuthenticatedUser(ACCOUNT, "alice@x.test")
                : null;
    }

    @Override
    public synchronized List<MaildropMessage> list() {
        List<MaildropMessage> list = new ArrayList<>();
        messages.forEach((id, content) -> list.add(new MaildropMessage(id, content.length, "uid-" + id)));
        return list;
    }

    @Override
    public synchronized byte[] read(long messageId, long offset, int maxLength) {
        reads.incrementAndGet();
        byte[] content = messages.get(messageId);
        if (content == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        int from = (int) Math.min(offset, content.length);
        return Arrays.copyOfRange(content, from, (int) Math.min(content.length, from + (long) maxLength));
    }

    @Override
    public synchronized int delete(List<Long> messageIds) {
        if (failDelete) {
            throw new IllegalStateException("database down");
        }
        deletions.add(List.copyOf(messageIds));
        int removed = 0;
        for (Long id : messageIds) {
            removed += messages.remove(id) != null ? 1 : 0;
        }
        return removed;
    }
}
