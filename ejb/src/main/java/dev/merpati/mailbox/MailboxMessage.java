package dev.merpati.mailbox;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A message in a mailbox: UID, MODSEQ, flags and the listing headers; the octets are in the body. */
@Entity
@Table(name = "mailbox_message")
public class MailboxMessage {

    static final int SORT_SUBJECT_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_message_seq")
    @SequenceGenerator(name = "mailbox_message_seq", sequenceName = "mailbox_message_seq", allocationSize = 1)
    private Long id;

    @Column(name = "mailbox_id", nullable = false)
    private long mailboxId;

    @Column(nullable = false)
    private long uid;

    @Column(nullable = false)
    private long modseq;

    @Column(name = "body_id", nullable = false)
    private long bodyId;

    @Column(name = "internal_date", nullable = false)
    private Instant internalDate;

    @Column(name = "size", nullable = false)
    private long octets;

    private boolean seen;
    private boolean answered;
    private boolean flagged;
    private boolean deleted;
    private boolean draft;

    @Column(name = "header_from", nullable = false)
    private String headerFrom;

    /** {@code null} for messages stored before it was kept. */
    @Column(name = "header_to")
    private String headerTo;

    /** Whether the message has a part a reader calls an attachment; {@code null} like {@link #headerTo}. */
    @Column(name = "has_attachment")
    private Boolean hasAttachment;

    /** The Date field, else the internal date: what a list sorts by "date", with an index. */
    @Column(name = "sort_date", nullable = false)
    private Instant sortDate;

    /** The subject in lower case, cut to {@value #SORT_SUBJECT_LENGTH} characters: the "subject" order. */
    @Column(name = "sort_subject")
    private String sortSubject;

    @Column(name = "header_subject", nullable = false)
    private String headerSubject;

    @Column(name = "header_date")
    private Instant headerDate;

    @Column(name = "header_message_id", nullable = false)
    private String headerMessageId;

    /** IMAP: octets of the header section; {@code null} for messages stored before it was kept. */
    @Column(name = "header_size")
    private Long headerSize;

    /** IMAP: the ENVELOPE ready to send; {@code null} like {@link #headerSize}. */
    @Column(name = "envelope")
    private String envelope;

    @Column(name = "body_structure")
    private String bodyStructure;

    @Column(name = "body_summary")
    private String bodySummary;

    @Column(name = "mime_parts")
    private String mimeParts;

    /**
     * IMAP keywords ($Forwarded, $Junk, $label1, ...), as first written; compared case-insensitively.
     * Loaded lazily: listings read them for many messages at once with {@link MailboxRepository#keywords}.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "message_keyword", joinColumns = @JoinColumn(name = "message_id"))
    @Column(name = "keyword")
    private Set<String> keywords = new HashSet<>();
    /** SORT/THREAD: addr-mailbox of the first From, To, Cc address; {@code null} for rows stored before V9. */
    @Column(name = "sort_from")
    private String sortFrom;

    @Column(name = "sort_to")
    private String sortTo;

    @Column(name = "sort_cc")
    private String sortCc;

    /** THREAD: the message ids of References (else In-Reply-To), space separated. */
    @Column(name = "thread_references")
    private String threadReferences;

    protected MailboxMessage() {}

    MailboxMessage(
            long mailboxId,
            long uid,
            long modseq,
            long bodyId,
            Instant internalDate,
            long octets,
            ListingHeaders headers) {
        this.mailboxId = mailboxId;
        this.uid = uid;
        this.modseq = modseq;
        this.bodyId = bodyId;
        this.internalDate = internalDate;
        this.octets = octets;
        this.headerFrom = headers.from();
        this.headerTo = headers.to();
        this.headerSubject = headers.subject();
        this.sortDate = headers.date() != null ? headers.date() : internalDate;
        String subject = headers.subject().toLowerCase(java.util.Locale.ROOT);
        this.sortSubject = subject.length() > SORT_SUBJECT_LENGTH ? subject.substring(0, SORT_SUBJECT_LENGTH) : subject;
        this.headerDate = headers.date();
        this.headerMessageId = headers.messageId();
    }

    public Long getId() {
        return id;
    }

    public long getMailboxId() {
        return mailboxId;
    }

    public long getUid() {
        return uid;
    }

    public long getModseq() {
        return modseq;
    }

    public long getBodyId() {
        return bodyId;
    }

    public Instant getInternalDate() {
        return internalDate;
    }

    public long getOctets() {
        return octets;
    }

    public boolean isSeen() {
        return seen;
    }

    public boolean isAnswered() {
        return answered;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public boolean isDraft() {
        return draft;
    }

    public String getHeaderFrom() {
        return headerFrom;
    }

    public String getHeaderTo() {
        return headerTo;
    }

    public Boolean getHasAttachment() {
        return hasAttachment;
    }

    void setHasAttachment(boolean hasAttachment) {
        this.hasAttachment = hasAttachment;
    }

    public String getHeaderSubject() {
        return headerSubject;
    }

    public Instant getHeaderDate() {
        return headerDate;
    }

    public String getHeaderMessageId() {
        return headerMessageId;
    }

    public Long getHeaderSize() {
        return headerSize;
    }

    public String getEnvelope() {
        return envelope;
    }

    public String getBodyStructure() {
        return bodyStructure;
    }

    public String getBodySummary() {
        return bodySummary;
    }

    public String getMimeParts() {
        return mimeParts;
    }

    /** The stored SORT/THREAD keys, or {@code null} when the row predates them. */
    public dev.merpati.mailbox.ordering.OrderingHeaders getOrderingHeaders() {
        return sortFrom == null
                ? null
                : new dev.merpati.mailbox.ordering.OrderingHeaders(
                        sortFrom, sortTo, sortCc, threadReferences == null ? "" : threadReferences);
    }

    /** Keeps what SORT and THREAD need of the header, computed once. */
    void setOrderingHeaders(dev.merpati.mailbox.ordering.OrderingHeaders headers) {
        this.sortFrom = headers.from();
        this.sortTo = headers.to();
        this.sortCc = headers.cc();
        this.threadReferences = headers.references();
    }

    /** Keeps what IMAP FETCH needs of the message's structure, computed once from its header. */
    void setStructure(MessageStructure structure) {
        this.headerSize = structure.headerSize();
        this.envelope = structure.envelope();
        this.bodyStructure = structure.bodyStructure();
        this.bodySummary = structure.body();
        this.mimeParts = structure.parts();
    }

    void setSeen(boolean seen) {
        this.seen = seen;
    }

    void setAnswered(boolean answered) {
        this.answered = answered;
    }

    void setFlagged(boolean flagged) {
        this.flagged = flagged;
    }

    void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    void setDraft(boolean draft) {
        this.draft = draft;
    }

    Set<String> getKeywords() {
        return keywords;
    }

    /** Sets the MODSEQ after a change; the caller holds the mailbox row lock. */
    void setModseq(long modseq) {
        this.modseq = modseq;
    }

    /** A copy of this message (same body, flags and dates) as the next message of {@code target}. */
    MailboxMessage copyTo(Mailbox target) {
        MailboxMessage copy = new MailboxMessage(
                target.getId(),
                target.takeUid(),
                target.nextModseq(),
                bodyId,
                internalDate,
                octets,
                new ListingHeaders(headerFrom, headerTo, headerSubject, headerDate, headerMessageId));
        copy.seen = seen;
        copy.answered = answered;
        copy.flagged = flagged;
        copy.deleted = deleted;
        copy.draft = draft;
        copy.headerSize = headerSize;
        copy.envelope = envelope;
        copy.bodyStructure = bodyStructure;
        copy.bodySummary = bodySummary;
        copy.mimeParts = mimeParts;
        copy.keywords = new HashSet<>(keywords);
        copy.hasAttachment = hasAttachment;
        copy.sortFrom = sortFrom;
        copy.sortTo = sortTo;
        copy.sortCc = sortCc;
        copy.threadReferences = threadReferences;
        return copy;
    }
}
