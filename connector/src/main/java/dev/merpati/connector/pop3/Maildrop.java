package dev.merpati.connector.pop3;

import dev.merpati.connector.api.MaildropMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's snapshot of a maildrop: messages numbered from 1 in the order listed at login, with
 * the deletion marks of the session. A marked message is invisible to every command.
 */
public final class Maildrop {

    private final List<MaildropMessage> messages;
    private final boolean[] deleted;

    public Maildrop(List<MaildropMessage> messages) {
        this.messages = List.copyOf(messages);
        this.deleted = new boolean[this.messages.size()];
    }

    /** The number of messages in the snapshot, deleted or not (the highest message number). */
    public int total() {
        return messages.size();
    }

    public boolean exists(int number) {
        return number >= 1 && number <= messages.size();
    }

    public boolean isDeleted(int number) {
        return deleted[number - 1];
    }

    public MaildropMessage message(int number) {
        return messages.get(number - 1);
    }

    public void markDeleted(int number) {
        deleted[number - 1] = true;
    }

    public void unmarkAll() {
        java.util.Arrays.fill(deleted, false);
    }

    public int count() {
        int count = 0;
        for (boolean mark : deleted) {
            count += mark ? 0 : 1;
        }
        return count;
    }

    public long size() {
        long size = 0;
        for (int i = 0; i < messages.size(); i++) {
            size += deleted[i] ? 0 : messages.get(i).size();
        }
        return size;
    }

    public List<Long> markedIds() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (deleted[i]) {
                ids.add(messages.get(i).messageId());
            }
        }
        return ids;
    }
}
