package dev.merpati.mailbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Read-only views of mailboxes for the web tier. */
@Stateless
public class MailboxQueries {

    @Inject
    MailboxRepository mailboxes;

    /** The folder's messages, newest (highest UID) first; empty when the folder does not exist. */
    public List<MessageSummary> listFolder(long accountId, String folderName) {
        return mailboxes
                .find(accountId, folderName)
                .map(b -> mailboxes.messagesByUid(b.getId(), true).stream()
                        .map(MailboxMessage::summary)
                        .toList())
                .orElse(List.of());
    }
}
