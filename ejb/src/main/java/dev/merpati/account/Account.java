package dev.merpati.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail user: one address of a local domain, with a password. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "domain_id", nullable = false)
    private Domain domain;

    @Column(name = "local_part", nullable = false)
    private String localPart;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private Instant created;

    /** Storage quota in octets; {@code null} takes the default, 0 is unlimited. */
    @Column(name = "quota_bytes")
    private Long quotaBytes;

    protected Account() {}

    public Account(Domain domain, String localPart, String passwordHash, Instant created) {
        this.domain = domain;
        this.localPart = localPart;
        this.passwordHash = passwordHash;
        this.created = created;
    }

    public Long getId() {
        return id;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getLocalPart() {
        return localPart;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Long getQuotaBytes() {
        return quotaBytes;
    }

    public void setQuotaBytes(Long quotaBytes) {
        this.quotaBytes = quotaBytes;
    }

    public String address() {
        return localPart + "@" + domain.getName();
    }

    public AccountRef ref() {
        return new AccountRef(id, address());
    }
}
