package dev.merpati.rewrite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The rewrite tables: domain aliases, the aliases table (with catch-alls) and forwards. */
@ApplicationScoped
public class RewriteRepository {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    /** The local domain a domain alias stands for. */
    public Optional<String> aliasedDomain(String name) {
        return em.createQuery(
                        "SELECT d.name FROM DomainAlias a, Domain d WHERE a.name = :name AND d.id = a.domainId",
                        String.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public Optional<MailAlias> alias(String address) {
        return Optional.ofNullable(em.find(MailAlias.class, address));
    }

    public List<MailAlias> aliases() {
        return em.createQuery("SELECT a FROM MailAlias a ORDER BY a.address", MailAlias.class)
                .getResultList();
    }

    /** Creates or replaces the alias. */
    public void putAlias(String address, String targets) {
        MailAlias alias = em.find(MailAlias.class, address);
        if (alias == null) {
            em.persist(new MailAlias(address, targets));
        } else {
            alias.setTargets(targets);
        }
    }

    public boolean removeAlias(String address) {
        MailAlias alias = em.find(MailAlias.class, address);
        if (alias != null) {
            em.remove(alias);
        }
        return alias != null;
    }

    public void putDomainAlias(String name, long domainId) {
        if (em.find(DomainAlias.class, name) == null) {
            em.persist(new DomainAlias(name, domainId));
        }
    }

    public Optional<MailForward> forward(long accountId) {
        return Optional.ofNullable(em.find(MailForward.class, accountId));
    }

    public void putForward(long accountId, String targets, boolean keepCopy) {
        MailForward forward = em.find(MailForward.class, accountId);
        if (forward == null) {
            em.persist(new MailForward(accountId, targets, keepCopy));
        } else {
            forward.set(targets, keepCopy);
        }
    }

    public boolean removeForward(long accountId) {
        MailForward forward = em.find(MailForward.class, accountId);
        if (forward != null) {
            em.remove(forward);
        }
        return forward != null;
    }
}
