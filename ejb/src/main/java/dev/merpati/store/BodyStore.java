package dev.merpati.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Message bodies in the caller's JTA transaction. Uses the same {@code jdbc/merpati} resource as the
 * persistence unit, so inside one transaction the container hands out the same (shared) physical
 * connection and the rows written here are visible to JPA and the other way round.
 */
@ApplicationScoped
public class BodyStore {

    @Resource(lookup = "jdbc/merpati")
    DataSource dataSource;

    public BodyChunks.StoredBody store(InputStream content, Instant created) {
        try (Connection connection = dataSource.getConnection();
                InputStream in = content) {
            return new BodyChunks(connection).insert(in, created);
        } catch (SQLException e) {
            throw new StoreException("storing a message body failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the message to store failed", e);
        }
    }

    public byte[] read(long bodyId, long offset, int maxLength) {
        try (Connection connection = dataSource.getConnection()) {
            return new BodyChunks(connection).read(bodyId, offset, maxLength);
        } catch (SQLException e) {
            throw new StoreException("reading message body " + bodyId + " failed", e);
        }
    }

    public byte[] prefix(long bodyId) {
        try (Connection connection = dataSource.getConnection()) {
            return new BodyChunks(connection).prefix(bodyId);
        } catch (SQLException e) {
            throw new StoreException("reading message body " + bodyId + " failed", e);
        }
    }

    public void setPrefix(long bodyId, byte[] prefix) {
        try (Connection connection = dataSource.getConnection()) {
            new BodyChunks(connection).setPrefix(bodyId, prefix);
        } catch (SQLException e) {
            throw new StoreException("updating message body " + bodyId + " failed", e);
        }
    }

    /** See {@link BodyChunks#replaceStart}. */
    public void replaceStart(long bodyId, int oldLength, byte[] replacement) {
        try (Connection connection = dataSource.getConnection()) {
            new BodyChunks(connection).replaceStart(bodyId, oldLength, replacement);
        } catch (SQLException e) {
            throw new StoreException("updating message body " + bodyId + " failed", e);
        }
    }

    public long size(long bodyId) {
        try (Connection connection = dataSource.getConnection()) {
            return new BodyChunks(connection).size(bodyId);
        } catch (SQLException e) {
            throw new StoreException("reading message body " + bodyId + " failed", e);
        }
    }
}
