package dev.merpati.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Message bodies in the caller's JTA transaction, over the persistence context's own JDBC
 * connection: one transaction holds one pooled connection, and the rows written here commit with
 * the queue entry that names them.
 *
 * <p>Asking {@code jdbc/merpati} for a connection inside the transaction does not give the
 * persistence unit's connection on Payara (measured: cleanup held one connection for the entry lock
 * and another for every body call until its commit), so under load every transaction waited for a
 * second connection while holding the first and the pool ran dry (RAR5117). Outside a transaction
 * (none of the pipeline's calls) a short-lived connection of the pool is used instead.
 */
@ApplicationScoped
public class BodyStore {

    @PersistenceContext(unitName = "merpati")
    EntityManager em;

    @Resource(lookup = "jdbc/merpati")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @FunctionalInterface
    private interface Work<T> {
        T run(BodyChunks chunks) throws SQLException, IOException;
    }

    public BodyChunks.StoredBody store(InputStream content, Instant created) {
        try (InputStream in = content) {
            return withChunks("storing a message body", chunks -> chunks.insert(in, created));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the message to store failed", e);
        }
    }

    public byte[] read(long bodyId, long offset, int maxLength) {
        return withChunks("reading message body " + bodyId, chunks -> chunks.read(bodyId, offset, maxLength));
    }

    public byte[] prefix(long bodyId) {
        return withChunks("reading message body " + bodyId, chunks -> chunks.prefix(bodyId));
    }

    public void setPrefix(long bodyId, byte[] prefix) {
        withChunks("updating message body " + bodyId, chunks -> {
            chunks.setPrefix(bodyId, prefix);
            return null;
        });
    }

    /** See {@link BodyChunks#replaceStart}. */
    public void replaceStart(long bodyId, int oldLength, byte[] replacement) {
        withChunks("updating message body " + bodyId, chunks -> {
            chunks.replaceStart(bodyId, oldLength, replacement);
            return null;
        });
    }

    public long size(long bodyId) {
        return withChunks("reading message body " + bodyId, chunks -> chunks.size(bodyId));
    }

    private <T> T withChunks(String what, Work<T> work) {
        try {
            if (inTransaction()) {
                // The persistence context's connection: EclipseLink enlists it once per transaction
                // and closes it at completion, so it is not closed here.
                return work.run(new BodyChunks(em.unwrap(Connection.class)));
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(new BodyChunks(connection));
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        }
    }

    private boolean inTransaction() {
        return transactions == null || transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
