package dev.merpati.store;

import dev.merpati.db.Migrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema of {@code jdbc/merpati} up to date before anything else runs (other startup
 * beans declare {@code @DependsOn("SchemaMigrator")}). Bean-managed so that Flyway commits its own
 * work instead of running inside a container transaction.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/merpati")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String[] locations = Migrations.locations(vendorFolder());
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .failOnMissingLocations(true)
                // Version numbers are handed out to branches worked on side by side, so a database
                // may already be at V9 when V8 arrives; each migration stands on its own.
                .outOfOrder(true)
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied from " + String.join(", ", locations) + ")");
    }

    private String vendorFolder() {
        try (Connection connection = dataSource.getConnection()) {
            return Migrations.vendorFolder(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("jdbc/merpati is not reachable", e);
        }
    }
}
