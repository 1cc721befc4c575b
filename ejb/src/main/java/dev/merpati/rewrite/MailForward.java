package dev.merpati.rewrite;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's ~/.forward: its mail goes to the targets, and to itself too when it keeps a copy. */
@Entity
@Table(name = "mail_forward")
public class MailForward {

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(nullable = false)
    private String targets;

    @Column(name = "keep_copy", nullable = false)
    private boolean keepCopy;

    protected MailForward() {}

    public MailForward(long accountId, String targets, boolean keepCopy) {
        this.accountId = accountId;
        this.targets = targets;
        this.keepCopy = keepCopy;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getTargets() {
        return targets;
    }

    public boolean isKeepCopy() {
        return keepCopy;
    }

    public void set(String targets, boolean keepCopy) {
        this.targets = targets;
        this.keepCopy = keepCopy;
    }
}
