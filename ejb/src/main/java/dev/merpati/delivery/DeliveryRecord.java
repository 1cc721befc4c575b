package dev.merpati.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Proof that a queue recipient was delivered; unique per recipient, so nothing is delivered twice. */
@Entity
@Table(name = "delivery")
public class DeliveryRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 1)
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private long recipientId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "mailbox_message_id")
    private Long mailboxMessageId;

    @Column(name = "delivered_at", nullable = false)
    private Instant deliveredAt;

    protected DeliveryRecord() {}

    public DeliveryRecord(long recipientId, long accountId, Long mailboxMessageId, Instant deliveredAt) {
        this.recipientId = recipientId;
        this.accountId = accountId;
        this.mailboxMessageId = mailboxMessageId;
        this.deliveredAt = deliveredAt;
    }

    public Long getId() {
        return id;
    }

    public long getRecipientId() {
        return recipientId;
    }

    public long getAccountId() {
        return accountId;
    }

    public Long getMailboxMessageId() {
        return mailboxMessageId;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
