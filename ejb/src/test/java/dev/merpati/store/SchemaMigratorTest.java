package dev.merpati.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void picksTheMigrationsOfTheDatabaseProduct() {
        assertEquals("h2", SchemaMigrator.vendorFolder("H2"));
        assertEquals("postgresql", SchemaMigrator.vendorFolder("PostgreSQL"));
        assertThrows(IllegalStateException.class, () -> SchemaMigrator.vendorFolder("Oracle"));
    }
}
