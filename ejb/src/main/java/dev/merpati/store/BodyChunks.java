package dev.merpati.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Message bodies over plain JDBC: written and read in chunks of at most {@link #CHUNK_SIZE} so that
 * a large message is never whole in memory. A body reads as its prefix (headers added by cleanup)
 * followed by its chunks.
 */
public final class BodyChunks {

    public static final int CHUNK_SIZE = 256 * 1024;

    private final Connection connection;
    private final int chunkSize;

    public BodyChunks(Connection connection) {
        this(connection, CHUNK_SIZE);
    }

    BodyChunks(Connection connection, int chunkSize) {
        this.connection = connection;
        this.chunkSize = chunkSize;
    }

    /** Stores the stream as a new body and returns its id and size. */
    public StoredBody insert(InputStream content, Instant created) throws SQLException, IOException {
        long bodyId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO message_body (content_size, size, created) VALUES (0, 0, ?)", new String[] {"id"})) {
            insert.setTimestamp(1, Timestamp.from(created));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for message_body");
                }
                bodyId = keys.getLong(1);
            }
        }
        long size;
        try (PreparedStatement chunk = connection.prepareStatement(
                "INSERT INTO message_body_chunk (body_id, seq, start_offset, length, data) VALUES (?, ?, ?, ?, ?)")) {
            size = Chunker.split(content, chunkSize, (seq, offset, data) -> {
                try {
                    chunk.setLong(1, bodyId);
                    chunk.setInt(2, seq);
                    chunk.setLong(3, offset);
                    chunk.setInt(4, data.length);
                    chunk.setBytes(5, data);
                    chunk.executeUpdate();
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE message_body SET content_size = ?, size = ? WHERE id = ?")) {
            update.setLong(1, size);
            update.setLong(2, size);
            update.setLong(3, bodyId);
            update.executeUpdate();
        }
        return new StoredBody(bodyId, size);
    }

    /** The header block read before the content; empty when there is none. */
    public byte[] prefix(long bodyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT prefix FROM message_body WHERE id = ?")) {
            select.setLong(1, bodyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no message_body " + bodyId);
                }
                byte[] prefix = rs.getBytes(1);
                return prefix == null ? new byte[0] : prefix;
            }
        }
    }

    /** Sets the header block read before the content (replacing any earlier one). */
    public void setPrefix(long bodyId, byte[] prefix) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE message_body SET prefix = ?, size = content_size + ? WHERE id = ?")) {
            update.setBytes(1, prefix);
            update.setLong(2, prefix.length);
            update.setLong(3, bodyId);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no message_body " + bodyId);
            }
        }
    }

    /**
     * Replaces the first {@code oldLength} bytes of the content (all within the first chunk) with
     * {@code replacement}: how cleanup drops header fields such as Bcc without copying the message.
     */
    public void replaceStart(long bodyId, int oldLength, byte[] replacement) throws SQLException {
        byte[] first;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT data FROM message_body_chunk WHERE body_id = ? AND seq = 1")) {
            select.setLong(1, bodyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("message_body " + bodyId + " has no first chunk");
                }
                first = rs.getBytes(1);
            }
        }
        if (oldLength > first.length) {
            throw new SQLException("cannot replace " + oldLength + " bytes of a first chunk of " + first.length);
        }
        byte[] data = new byte[replacement.length + first.length - oldLength];
        System.arraycopy(replacement, 0, data, 0, replacement.length);
        System.arraycopy(first, oldLength, data, replacement.length, first.length - oldLength);
        int delta = data.length - first.length;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE message_body_chunk SET data = ?, length = ? WHERE body_id = ? AND seq = 1")) {
            update.setBytes(1, data);
            update.setInt(2, data.length);
            update.setLong(3, bodyId);
            update.executeUpdate();
        }
        try (PreparedStatement shift = connection.prepareStatement(
                "UPDATE message_body_chunk SET start_offset = start_offset + ? WHERE body_id = ? AND seq > 1")) {
            shift.setLong(1, delta);
            shift.setLong(2, bodyId);
            shift.executeUpdate();
        }
        try (PreparedStatement sizes = connection.prepareStatement(
                "UPDATE message_body SET content_size = content_size + ?, size = size + ? WHERE id = ?")) {
            sizes.setLong(1, delta);
            sizes.setLong(2, delta);
            sizes.setLong(3, bodyId);
            sizes.executeUpdate();
        }
    }

    public long size(long bodyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT size FROM message_body WHERE id = ?")) {
            select.setLong(1, bodyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no message_body " + bodyId);
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * Up to {@code maxLength} octets from {@code offset}, empty past the end. Reads only the chunks
     * that overlap the range.
     */
    public byte[] read(long bodyId, long offset, int maxLength) throws SQLException {
        byte[] prefix;
        long size;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT prefix, size FROM message_body WHERE id = ?")) {
            select.setLong(1, bodyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no message_body " + bodyId);
                }
                prefix = rs.getBytes(1);
                size = rs.getLong(2);
            }
        }
        if (prefix == null) {
            prefix = new byte[0];
        }
        if (offset >= size || maxLength <= 0) {
            return new byte[0];
        }
        int length = (int) Math.min(maxLength, size - offset);
        byte[] result = new byte[length];
        long end = offset + length;
        int filled = 0;
        if (offset < prefix.length) {
            filled = (int) Math.min(prefix.length - offset, length);
            System.arraycopy(prefix, (int) offset, result, 0, filled);
        }
        if (filled == length) {
            return result;
        }
        long contentStart = offset + filled - prefix.length;
        long contentEnd = end - prefix.length;
        try (PreparedStatement select = connection.prepareStatement("SELECT start_offset, data FROM message_body_chunk"
                + " WHERE body_id = ? AND start_offset < ? AND start_offset + length > ? ORDER BY seq")) {
            select.setLong(1, bodyId);
            select.setLong(2, contentEnd);
            select.setLong(3, contentStart);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long chunkStart = rs.getLong(1);
                    byte[] data = rs.getBytes(2);
                    long from = Math.max(contentStart, chunkStart);
                    long to = Math.min(contentEnd, chunkStart + data.length);
                    int count = (int) (to - from);
                    System.arraycopy(
                            data, (int) (from - chunkStart), result, (int) (from + prefix.length - offset), count);
                    filled += count;
                }
            }
        }
        if (filled != length) {
            throw new SQLException("message_body " + bodyId + " is missing chunks");
        }
        return result;
    }

    public record StoredBody(long id, long size) {}
}
