package dev.merpati.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class MigrationTest {

    private static final List<String> TABLES = List.of(
            "domain",
            "account",
            "mailbox",
            "message_body",
            "message_body_chunk",
            "mailbox_message",
            "message_keyword",
            "queue_entry",
            "queue_recipient",
            "delivery");

    @Test
    void h2MigrationCreatesTheModel() throws SQLException {
        String url = "jdbc:h2:mem:migration-test;DB_CLOSE_DELAY=-1";
        var result = Flyway.configure()
                .dataSource(url, "sa", "")
                .locations(Migrations.locations("h2"))
                .load()
                .migrate();
        assertTrue(result.success);

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            assertTrue(tables.containsAll(TABLES), () -> "missing tables in " + tables);

            // A second migrate is a no-op: the schema is versioned, not regenerated.
            var again = Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations(Migrations.locations("h2"))
                    .load()
                    .migrate();
            assertEquals(0, again.migrationsExecuted);
        }
    }

    /** Not a substitute for PostgreSQL itself, but catches typos in the PostgreSQL script. */
    @Test
    void postgresqlMigrationParsesInH2sPostgresqlMode() {
        var result = Flyway.configure()
                .dataSource("jdbc:h2:mem:pg-mode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")
                .locations(Migrations.locations("postgresql"))
                .load()
                .migrate();
        assertTrue(result.success);
    }

    @Test
    void bothVendorsDefineTheSameTables() throws Exception {
        assertEquals(tableNames("h2"), tableNames("postgresql"));
    }

    private static Set<String> tableNames(String vendor) throws Exception {
        String path = "/db/migration/" + vendor + "/V1__initial_schema.sql";
        String sql;
        try (var in = MigrationTest.class.getResourceAsStream(path)) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> names = new HashSet<>();
        var matcher = java.util.regex.Pattern.compile("(?i)CREATE (TABLE|SEQUENCE|INDEX) (\\w+)")
                .matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1).toUpperCase(Locale.ROOT) + " " + matcher.group(2));
        }
        return names;
    }
}
