package dev.merpati.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.merpati.db.Migrations;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    @Test
    void picksTheMigrationsOfTheDatabaseProduct() {
        assertEquals("h2", Migrations.vendorFolder("H2"));
        assertEquals("postgresql", Migrations.vendorFolder("PostgreSQL"));
        assertThrows(IllegalStateException.class, () -> Migrations.vendorFolder("Oracle"));
    }

    /** Branches get their version numbers side by side: V8 may land on a database already at V9. */
    @Test
    void appliesAnEarlierVersionThatArrivesLate(@TempDir Path withoutV8) throws Exception {
        String[] early = {
            "V1__initial_schema.sql",
            "V2__rewrite_tables_and_queue_retries.sql",
            "V3__imap_message_structure.sql",
            "V4__smtp_dsn_parameters.sql",
            "V7__account_quota.sql",
            "V9__imap_subscriptions_sort_thread.sql"
        };
        for (String name : early) {
            String folder = name.startsWith("V1_") || name.startsWith("V3_") ? "h2" : "common";
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + folder + "/" + name)) {
                Files.copy(in, withoutV8.resolve(name));
            }
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:late-migration;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + withoutV8)
                .load()
                .migrate();

        SchemaMigrator migrator = new SchemaMigrator();
        migrator.dataSource = dataSource;
        migrator.migrate();

        try (Connection connection = dataSource.getConnection();
                ResultSet applied = connection
                        .createStatement()
                        .executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '8'"
                                + " AND \"success\"")) {
            applied.next();
            assertEquals(1, applied.getInt(1));
            connection.createStatement().executeQuery("SELECT mailbox_id, uid, modseq FROM mailbox_expunged");
        } catch (SQLException e) {
            throw new AssertionError("V8 was not applied after V9", e);
        }
    }
}
