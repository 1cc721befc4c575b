package dev.merpati.mailbox.pop3;

import dev.merpati.connector.api.MaildropMessage;
import dev.merpati.mailbox.Folder;
import dev.merpati.mailbox.FolderEntry;
import dev.merpati.mailbox.MailboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** An account's INBOX as POP3 sees it. Runs in the caller's transaction. */
@ApplicationScoped
public class Maildrop {

    @Inject
    MailboxStore store;

    public List<MaildropMessage> list(long accountId) {
        Optional<FolderEntry> inbox = store.folderEntry(accountId, Folder.INBOX);
        if (inbox.isEmpty()) {
            return List.of();
        }
        long uidvalidity = inbox.get().uidValidity();
        return store.messageRefs(accountId, inbox.get().id()).stream()
                .map(m -> new MaildropMessage(m.id(), m.size(), Uidl.of(uidvalidity, m.uid())))
                .toList();
    }

    /** @throws IllegalArgumentException when the message is not (or no longer) the account's */
    public byte[] read(long accountId, long messageId, long offset, int maxLength) {
        return store.read(accountId, messageId, offset, maxLength);
    }

    /** Removes the account's own INBOX messages among the ids; others and already-gone ones are ignored. */
    public int delete(long accountId, List<Long> messageIds) {
        if (messageIds == null || messageIds.isEmpty()) {
            return 0;
        }
        return store.folderEntry(accountId, Folder.INBOX)
                .map(inbox -> store.remove(accountId, inbox.id(), new LinkedHashSet<>(messageIds)))
                .orElse(0);
    }
}
