package dev.merpati.connector.api;

import java.time.Instant;
import java.util.List;

/**
 * An account's folders as IMAP sees them. One call per IMAP command, each returning everything the
 * command needs; message octets cross by reference, in bounded pieces ({@link #read}).
 *
 * <p>A selected folder is named by its id (from {@link #select}); every call checks that the folder
 * belongs to the account, so a session can never reach another account's mail.
 */
public interface MailboxListener {

    /**
     * All folders of the account and the subscribed names without a folder (LIST, LSUB): a few dozen
     * rows, filtered by the connector.
     */
    List<FolderInfo> folders();

    /**
     * LIST ... RETURN (STATUS ...) (RFC 5819): the counters of those named folders that exist, in one
     * call after {@link #folders}.
     */
    List<FolderStatus> statuses(List<String> folders);

    /** CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE. */
    FolderOutcome changeFolder(FolderChange change);

    /** STATUS: the counters of a folder, or {@code null} when it does not exist. */
    FolderStatus status(String folder);

    /**
     * SELECT and EXAMINE, and the re-synchronisation after a change was signalled: the folder's
     * counters and every message's UID and flags in UID order.
     *
     * @param readOnly EXAMINE: the messages not yet claimed as \Recent are reported so, but stay
     *     unclaimed; a SELECT claims them, so no later session sees them as \Recent (RFC 3501 §2.3.2)
     * @return {@code null} when the folder does not exist
     */
    FolderSnapshot select(String folder, boolean readOnly);

    /**
     * NOOP, CHECK, IDLE: the folder's state when its HIGHESTMODSEQ is above {@code knownModseq},
     * else {@code null} (nothing changed, answered from one row).
     *
     * @param claimRecent whether the session (read-write) claims new messages as \Recent
     */
    FolderSnapshot changesSince(long folderId, long knownModseq, boolean claimRecent);

    /**
     * QRESYNC (RFC 7162): the UIDs expunged from the folder after MODSEQ {@code sinceModseq},
     * ascending (for VANISHED (EARLIER)); empty when the folder is not the account's.
     */
    List<Long> vanished(long folderId, long sinceModseq);

    /**
     * FETCH: the stored data the items ask for, for each listed UID still there; octets of bodies
     * are read afterwards by {@link #read}. With {@code request.markSeen()} the messages are marked
     * \Seen first (BODY[] without PEEK).
     */
    List<FetchedMessage> fetch(long folderId, List<Long> uids, FetchRequest request);

    /**
     * Part of a stored message, for streaming FETCH BODY[...] in bounded pieces.
     *
     * @return up to {@code maxLength} bytes starting at {@code offset}; an empty array past the end
     * @throws IllegalArgumentException when the message is not (or no longer) the account's
     */
    byte[] read(long messageId, long offset, int maxLength);

    /** STORE: changes the flags of the listed UIDs; returns the new state of those that changed. */
    List<MessageFlags> store(long folderId, List<Long> uids, FlagChange change);

    /** COPY and MOVE to another folder of the account; for MOVE the sources are expunged. */
    CopyOutcome copy(long folderId, List<Long> uids, String target, boolean move);

    /**
     * EXPUNGE, UID EXPUNGE, CLOSE: removes the \Deleted messages (only those among {@code uids} when
     * not {@code null}).
     *
     * @return the UIDs removed, ascending
     */
    List<Long> expunge(long folderId, List<Long> uids);

    /** APPEND: stores the message in the folder. */
    AppendOutcome append(String folder, List<String> flags, Instant internalDate, MessageContent content);

    /**
     * SEARCH: the UIDs (ascending) of the messages among {@code uids} that match {@code criteria};
     * sequence-number keys were already turned into UID sets by the connector.
     */
    List<Long> search(long folderId, List<Long> uids, SearchKey criteria);

    /**
     * SORT (RFC 5256): the UIDs among {@code uids} that match {@code criteria}, in the order of the
     * keys (ties in UID order), from data stored with each message.
     */
    List<Long> sort(long folderId, List<Long> uids, List<SortCriterion> order, SearchKey criteria);

    /**
     * THREAD (RFC 5256): the messages among {@code uids} that match {@code criteria} as threads by
     * {@code algorithm} ("REFERENCES" or "ORDEREDSUBJECT").
     */
    List<MessageThread> thread(long folderId, List<Long> uids, String algorithm, SearchKey criteria);

    /** GETQUOTA, GETQUOTAROOT: the account's storage use and limit (one quota root per account). */
    QuotaUsage quota();
}
