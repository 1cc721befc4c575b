package dev.merpati.mailbox;

import dev.merpati.connector.api.MessageThread;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SortCriterion;
import dev.merpati.mailbox.ordering.BaseSubject;
import dev.merpati.mailbox.ordering.OrderedMessage;
import dev.merpati.mailbox.ordering.OrderingHeaders;
import dev.merpati.mailbox.ordering.Sorter;
import dev.merpati.mailbox.ordering.Threader;
import dev.merpati.store.BodyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    ImapFolders folders;

    @Inject
    ImapMessages messages;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    BodyStore bodies;

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
        if (folders.owned(accountId, folderId) == null) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(
                criteria instanceof SearchKey.All ? uids : messages.search(accountId, folderId, uids, criteria));
        List<OrderedMessage> result = new ArrayList<>();
        for (MailboxMessage message : mailboxes.messagesByUid(folderId, false)) {
            if (wanted.contains(message.getUid())) {
                result.add(ordered(message));
            }
        }
        return result;
    }

    private OrderedMessage ordered(MailboxMessage message) {
        OrderingHeaders headers = message.getOrderingHeaders();
        if (headers == null) {
            // stored before the keys were kept: computed from the header section now, once
            long size = message.getHeaderSize() != null ? message.getHeaderSize() : 64 * 1024;
            headers = OrderingHeaders.parse(
                    bodies.read(message.getBodyId(), 0, (int) Math.min(size, ImapMessages.MAX_HEADER)));
            message.setOrderingHeaders(headers);
        }
        Instant sent = message.getHeaderDate() != null ? message.getHeaderDate() : message.getInternalDate();
        return new OrderedMessage(
                message.getUid(),
                sent,
                message.getInternalDate(),
                message.getOctets(),
                BaseSubject.of(message.getHeaderSubject()),
                headers.from(),
                headers.to(),
                headers.cc(),
                OrderingHeaders.messageId(message.getHeaderMessageId()),
                headers.referenceList());
    }
}
