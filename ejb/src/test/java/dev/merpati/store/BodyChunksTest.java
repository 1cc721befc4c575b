package dev.merpati.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The body store's SQL against the real H2 migration. */
class BodyChunksTest {

    private static final String URL = "jdbc:h2:mem:body-chunks;DB_CLOSE_DELAY=-1";
    private Connection connection;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations(dev.merpati.db.Migrations.locations("h2"))
                .load()
                .migrate();
        connection = DriverManager.getConnection(URL, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static byte[] random(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }

    private static byte[] range(byte[] whole, long offset, int length) {
        int from = (int) Math.min(offset, whole.length);
        return Arrays.copyOfRange(whole, from, (int) Math.min(whole.length, from + (long) length));
    }

    @Test
    void readsAnyRangeOfPrefixPlusChunks() throws Exception {
        BodyChunks store = new BodyChunks(connection, 1000);
        byte[] content = random(4500);
        BodyChunks.StoredBody body = store.insert(new ByteArrayInputStream(content), Instant.now());
        assertEquals(4500, body.size());
        assertEquals(4500, store.size(body.id()));
        assertArrayEquals(range(content, 999, 1002), store.read(body.id(), 999, 1002));

        byte[] prefix = "Received: from x\r\n".getBytes(StandardCharsets.US_ASCII);
        store.setPrefix(body.id(), prefix);
        byte[] whole = new byte[prefix.length + content.length];
        System.arraycopy(prefix, 0, whole, 0, prefix.length);
        System.arraycopy(content, 0, whole, prefix.length, content.length);
        assertEquals(whole.length, store.size(body.id()));

        assertArrayEquals(whole, store.read(body.id(), 0, 100_000));
        for (long offset : new long[] {0, 5, prefix.length - 1, prefix.length, 1017, 3999, whole.length - 1}) {
            for (int length : new int[] {1, 7, 1000, 2500}) {
                assertArrayEquals(
                        range(whole, offset, length), store.read(body.id(), offset, length), offset + "+" + length);
            }
        }
        assertEquals(0, store.read(body.id(), whole.length, 10).length);
        assertEquals(0, store.read(body.id(), 0, 0).length);

        // A later prefix replaces the earlier one.
        store.setPrefix(body.id(), new byte[] {'A'});
        assertEquals(4501, store.size(body.id()));
        assertEquals('A', store.read(body.id(), 0, 1)[0]);
    }

    @Test
    void emptyContentAndMissingBodies() throws Exception {
        BodyChunks store = new BodyChunks(connection);
        BodyChunks.StoredBody body = store.insert(new ByteArrayInputStream(new byte[0]), Instant.now());
        assertEquals(0, store.read(body.id(), 0, 10).length);
        assertThrows(SQLException.class, () -> store.read(body.id() + 1000, 0, 10));
    }

    @Test
    void bodiesGetDistinctIds() throws Exception {
        BodyChunks store = new BodyChunks(connection);
        long first = store.insert(new ByteArrayInputStream(random(10)), Instant.now())
                .id();
        long second = store.insert(new ByteArrayInputStream(random(10)), Instant.now())
                .id();
        assertEquals(first + 1, second);
    }
}
