package dev.merpati.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One envelope recipient of a queue entry and how far its delivery got. */
@Entity
@Table(name = "queue_recipient")
public class QueueRecipient {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queue_recipient_seq")
    @SequenceGenerator(name = "queue_recipient_seq", sequenceName = "queue_recipient_seq", allocationSize = 1)
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecipientState state;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "dsn_notify")
    private String dsnNotify;

    @Column(name = "dsn_orcpt")
    private String dsnOriginalRecipient;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private boolean notified;

    protected QueueRecipient() {}

    /** A destination found by expanding the recipient {@code parentId}. */
    public QueueRecipient(long entryId, String address, Long parentId, Long accountId) {
        this(entryId, address);
        this.parentId = parentId;
        this.accountId = accountId;
    }

    public QueueRecipient(long entryId, String address) {
        this.entryId = entryId;
        this.address = address;
        this.state = RecipientState.PENDING;
    }

    public Long getId() {
        return id;
    }

    public long getEntryId() {
        return entryId;
    }

    public String getAddress() {
        return address;
    }

    public RecipientState getState() {
        return state;
    }

    public String getLastError() {
        return lastError;
    }

    /** RFC 3461 NOTIFY (NEVER or a list of SUCCESS,FAILURE,DELAY), or {@code null} for the default. */
    public String getDsnNotify() {
        return dsnNotify;
    }

    /** RFC 3461 ORCPT as received ({@code addr-type;xtext}), or {@code null}. */
    public String getDsnOriginalRecipient() {
        return dsnOriginalRecipient;
    }

    public void requestDsn(String notify, String originalRecipient) {
        this.dsnNotify = notify;
        this.dsnOriginalRecipient = originalRecipient;
    }

    public Long getParentId() {
        return parentId;
    }

    /** The mailbox this recipient resolved to, once the queue manager has resolved it. */
    public Long getAccountId() {
        return accountId;
    }

    public void resolvedTo(long accountId) {
        this.accountId = accountId;
    }

    public boolean isNotified() {
        return notified;
    }

    /** The sender has been (or will not be) told about this recipient's failure. */
    public void notified() {
        this.notified = true;
    }

    /** Stands for other recipients of the entry now (alias, forward). */
    public void expanded() {
        state = RecipientState.EXPANDED;
        lastError = null;
    }

    /** Back to PENDING for another delivery attempt. */
    public void retry() {
        state = RecipientState.PENDING;
    }

    public void delivered() {
        state = RecipientState.DELIVERED;
        lastError = null;
    }

    public void deferred(String reason) {
        state = RecipientState.DEFERRED;
        lastError = QueueEntry.truncate(reason);
    }

    public void bounced(String reason) {
        state = RecipientState.BOUNCED;
        lastError = QueueEntry.truncate(reason);
    }
}
