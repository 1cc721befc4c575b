package dev.merpati.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An IMAP folder of an account. The hierarchy is in the name, with '/' as delimiter. */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    public static final String INBOX = "INBOX";
    public static final char DELIMITER = '/';

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_seq")
    @SequenceGenerator(name = "mailbox_seq", sequenceName = "mailbox_seq", allocationSize = 1)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private long uidvalidity;

    @Column(nullable = false)
    private long uidnext;

    @Column(nullable = false)
    private long highestmodseq;

    @Column(name = "special_use")
    private String specialUse;

    @Column(nullable = false)
    private boolean subscribed;

    @Column(nullable = false)
    private Instant created;

    /** UIDs from here on were not yet reported as \Recent to a read-write session. */
    @Column(name = "first_recent_uid", nullable = false)
    private long firstRecentUid;

    protected Mailbox() {}

    public Mailbox(long accountId, String name, String specialUse, long uidvalidity, Instant created) {
        this.accountId = accountId;
        this.name = name;
        this.specialUse = specialUse;
        this.uidvalidity = uidvalidity;
        this.uidnext = 1;
        this.highestmodseq = 1;
        this.subscribed = true;
        this.created = created;
        this.firstRecentUid = 1;
    }

    /** Takes the next UID; the caller holds the row lock. */
    long takeUid() {
        return uidnext++;
    }

    /** Takes the next MODSEQ; the caller holds the row lock. */
    long nextModseq() {
        return ++highestmodseq;
    }

    public long getFirstRecentUid() {
        return firstRecentUid;
    }

    /** Whether messages arrived that no read-write session has claimed as \Recent yet. */
    boolean hasUnclaimedRecent() {
        return firstRecentUid < uidnext;
    }

    /** A read-write session takes the unclaimed messages as its \Recent ones; the caller holds the row lock. */
    void claimRecent() {
        firstRecentUid = uidnext;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public long getUidvalidity() {
        return uidvalidity;
    }

    public long getUidnext() {
        return uidnext;
    }

    public long getHighestmodseq() {
        return highestmodseq;
    }

    public String getSpecialUse() {
        return specialUse;
    }

    public boolean isSubscribed() {
        return subscribed;
    }

    /** RENAME; the caller holds the row lock. */
    void rename(String newName) {
        this.name = newName;
    }

    void setSubscribed(boolean subscribed) {
        this.subscribed = subscribed;
    }
}
