package dev.merpati.rewrite;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the aliases table: {@code address: targets}. The address is {@code local@domain} in
 * lower case, or {@code @domain} for the domain's catch-all.
 */
@Entity
@Table(name = "mail_alias")
public class MailAlias {

    @Id
    private String address;

    @Column(nullable = false)
    private String targets;

    protected MailAlias() {}

    public MailAlias(String address, String targets) {
        this.address = address;
        this.targets = targets;
    }

    public String getAddress() {
        return address;
    }

    public String getTargets() {
        return targets;
    }

    public void setTargets(String targets) {
        this.targets = targets;
    }
}
