package dev.merpati.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Domains and accounts. Names are passed in canonical (lower) case. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    public Optional<Domain> findDomain(String name) {
        return em.createQuery("SELECT d FROM Domain d WHERE d.name = :name", Domain.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public Optional<Domain> primaryDomain() {
        return em.createQuery("SELECT d FROM Domain d ORDER BY d.id", Domain.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Domain addDomain(Domain domain) {
        em.persist(domain);
        return domain;
    }

    public Optional<Account> findAccount(String localPart, String domain) {
        return em.createQuery(
                        "SELECT a FROM Account a WHERE a.localPart = :local AND a.domain.name = :domain", Account.class)
                .setParameter("local", localPart)
                .setParameter("domain", domain)
                .getResultStream()
                .findFirst();
    }

    public Optional<Account> firstAccountOf(String domain) {
        return em.createQuery("SELECT a FROM Account a WHERE a.domain.name = :domain ORDER BY a.id", Account.class)
                .setParameter("domain", domain)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** The account's own storage quota in octets, or {@code null} (none of its own, or no such account). */
    public Long quotaBytes(long accountId) {
        List<Long> rows = em.createQuery("SELECT a.quotaBytes FROM Account a WHERE a.id = :id", Long.class)
                .setParameter("id", accountId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    public Account addAccount(Account account) {
        em.persist(account);
        return account;
    }

    public void flush() {
        em.flush();
    }
}
