package dev.merpati.mailbox;

import dev.merpati.connector.api.MaildropMessage;
import dev.merpati.store.BodyStore;
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
    BodyStore bodies;

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

    /** @throws IllegalArgumentException when the message is not (or no longer) in the account's INBOX */
    public byte[] read(long accountId, long messageId, long offset, int maxLength) {
        if (offset < 0 || maxLength < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        MailboxMessage message = mailboxes
                .findMessage(accountId, Mailbox.INBOX, messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " in INBOX"));
        return bodies.read(message.getBodyId(), offset, maxLength);
    }

    /** Removes the account's own INBOX messages among the ids; others and already-gone ones are ignored. */
    public int delete(long accountId, List<Long> messageIds) {
        if (messageIds == null || messageIds.isEmpty()) {
            return 0;
        }
        Optional<Mailbox> inbox = mailboxes.lock(accountId, Mailbox.INBOX);
        if (inbox.isEmpty()) {
            return 0;
        }
        List<MailboxMessage> found = mailboxes.findMessages(inbox.get().getId(), new LinkedHashSet<>(messageIds));
        mailboxes.expunge(inbox.get(), found);
        // Bodies no longer referenced are left for a later sweep.
        return found.size();
    }
}
