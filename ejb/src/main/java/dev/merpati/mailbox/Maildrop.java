package dev.merpati.mailbox;

import dev.merpati.connector.api.MaildropMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** An account's INBOX as POP3 sees it. Runs in the caller's transaction. */
@ApplicationScoped
public class Maildrop {

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxStore store;

    public List<MaildropMessage> list(long accountId) {
        Optional<Mailbox> inbox = mailboxes.find(accountId, Mailbox.INBOX);
        if (inbox.isEmpty()) {
            return List.of();
        }
        long uidvalidity = inbox.get().getUidvalidity();
        return mailboxes.messagesByUid(inbox.get().getId(), false).stream()
                .map(m -> new MaildropMessage(m.getId(), m.getOctets(), Uidl.of(uidvalidity, m.getUid())))
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
        return mailboxes
                .find(accountId, Mailbox.INBOX)
                .map(inbox -> store.remove(accountId, inbox.getId(), new LinkedHashSet<>(messageIds)))
                .orElse(0);
    }
}
