package dev.merpati.rewrite;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Another name of a local domain: mail to {@code user@name} is mail to {@code user@target}. */
@Entity
@Table(name = "domain_alias")
public class DomainAlias {

    @Id
    private String name;

    @Column(name = "domain_id", nullable = false)
    private long domainId;

    protected DomainAlias() {}

    public DomainAlias(String name, long domainId) {
        this.name = name;
        this.domainId = domainId;
    }

    public String getName() {
        return name;
    }

    public long getDomainId() {
        return domainId;
    }
}
