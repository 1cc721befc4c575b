package dev.merpati.mailbox.imap;

import dev.merpati.connector.api.MessageThread;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SortCriterion;
import dev.merpati.mailbox.MailboxStore;
import dev.merpati.mailbox.ordering.OrderedMessage;
import dev.merpati.mailbox.ordering.Sorter;
import dev.merpati.mailbox.ordering.Threader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * IMAP SORT and THREAD (RFC 5256) over the stored listing headers and ordering keys; runs in the
 * caller's transaction. Message bodies are never read, except once for the header of a message
 * stored before the ordering keys were kept.
 */
@ApplicationScoped
public class ImapOrdering {

    public static final String REFERENCES = "REFERENCES";
    public static final String ORDEREDSUBJECT = "ORDEREDSUBJECT";

    @Inject
    ImapMessages messages;

    @Inject
    MailboxStore store;

    public List<Long> sort(
            long accountId, long folderId, List<Long> uids, List<SortCriterion> order, SearchKey criteria) {
        return Sorter.sort(matching(accountId, folderId, uids, criteria), order);
    }

    public List<MessageThread> thread(
            long accountId, long folderId, List<Long> uids, String algorithm, SearchKey criteria) {
        List<OrderedMessage> found = matching(accountId, folderId, uids, criteria);
        return algorithm.equals(ORDEREDSUBJECT) ? Threader.orderedSubject(found) : Threader.references(found);
    }

    private List<OrderedMessage> matching(long accountId, long folderId, List<Long> uids, SearchKey criteria) {
        List<Long> wanted =
                criteria instanceof SearchKey.All ? uids : messages.search(accountId, folderId, uids, criteria);
        return store.orderingKeys(accountId, folderId, wanted);
    }
}
