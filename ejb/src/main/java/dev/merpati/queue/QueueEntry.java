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
import java.time.Instant;

/** One received message in the queue of record, with its envelope. */
@Entity
@Table(name = "queue_entry")
public class QueueEntry {

    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queue_entry_seq")
    @SequenceGenerator(name = "queue_entry_seq", sequenceName = "queue_entry_seq", allocationSize = 1)
    private Long id;

    @Column(name = "queue_id", nullable = false)
    private String queueId;

    @Column(name = "body_id", nullable = false)
    private long bodyId;

    @Column(name = "reverse_path", nullable = false)
    private String reversePath;

    @Column(name = "client_address", nullable = false)
    private String clientAddress;

    @Column(name = "client_helo", nullable = false)
    private String clientHelo;

    @Column(nullable = false)
    private String protocol;

    @Column(name = "authenticated_user")
    private String authenticatedUser;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "dsn_ret")
    private String dsnRet;

    @Column(name = "dsn_envid")
    private String dsnEnvelopeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QueueState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt")
    private Instant nextAttempt;

    @Column(name = "last_error")
    private String lastError;

    @Column(nullable = false)
    private boolean dsn;

    @Enumerated(EnumType.STRING)
    @Column(name = "held_from")
    private QueueState heldFrom;

    protected QueueEntry() {}

    public QueueEntry(
            long bodyId,
            String reversePath,
            String clientAddress,
            String clientHelo,
            String protocol,
            String authenticatedUser,
            Instant receivedAt) {
        this.bodyId = bodyId;
        this.reversePath = reversePath;
        this.clientAddress = clientAddress;
        this.clientHelo = clientHelo;
        this.protocol = protocol;
        this.authenticatedUser = authenticatedUser;
        this.receivedAt = receivedAt;
        this.state = QueueState.MAILDROP;
        this.queueId = "";
    }

    public Long getId() {
        return id;
    }

    public String getQueueId() {
        return queueId;
    }

    void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public long getBodyId() {
        return bodyId;
    }

    public String getReversePath() {
        return reversePath;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getClientHelo() {
        return clientHelo;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getAuthenticatedUser() {
        return authenticatedUser;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** RFC 3461 RET (FULL or HDRS), or {@code null}: how much of the message a DSN returns. */
    public String getDsnRet() {
        return dsnRet;
    }

    /** RFC 3461 ENVID as received (xtext), or {@code null}. */
    public String getDsnEnvelopeId() {
        return dsnEnvelopeId;
    }

    public void requestDsn(String ret, String envelopeId) {
        this.dsnRet = ret;
        this.dsnEnvelopeId = envelopeId;
    }

    public QueueState getState() {
        return state;
    }

    public void setState(QueueState state) {
        this.state = state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }

    public String getLastError() {
        return lastError;
    }

    /** Whether this is a delivery status notification we made (whose failure nobody is told of). */
    public boolean isDsn() {
        return dsn;
    }

    public void markDsn() {
        this.dsn = true;
    }

    /** Records a delivery attempt that left recipients deferred, and when the next one is due. */
    public void deferredUntil(Instant next, String error) {
        this.attempts++;
        this.nextAttempt = next;
        this.lastError = truncate(error);
    }

    public void clearSchedule() {
        this.nextAttempt = null;
    }

    /** Back from HELD to the stage it was held in (postsuper -H); the queue manager when unknown. */
    public QueueState release() {
        this.state = heldFrom == null ? QueueState.ACTIVE : heldFrom;
        this.heldFrom = null;
        this.lastError = null;
        return state;
    }

    /** Due for another attempt now (postqueue -f). */
    public void dueNow(Instant now) {
        this.nextAttempt = now;
    }

    /** Sets the entry aside for the operator instead of failing its JMS message forever. */
    public void hold(String reason) {
        if (state != QueueState.HELD) {
            this.heldFrom = state;
        }
        this.state = QueueState.HELD;
        this.lastError = truncate(reason);
    }

    static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
