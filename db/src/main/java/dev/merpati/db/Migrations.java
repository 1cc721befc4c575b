package dev.merpati.db;

import java.util.List;
import java.util.Locale;

/**
 * Where the schema migrations of a database product are: the scripts both products take as they
 * are ({@code db/migration/common}) and those written in the product's own dialect ({@code
 * db/migration/h2}, {@code db/migration/postgresql}). Flyway reads both locations as one sequence
 * of versions.
 */
public final class Migrations {

    public static final String COMMON = "classpath:db/migration/common";

    private Migrations() {}

    /** The Flyway locations for a vendor folder ("h2" or "postgresql"). */
    public static String[] locations(String vendor) {
        return List.of(COMMON, "classpath:db/migration/" + vendor).toArray(String[]::new);
    }

    /** The vendor folder for a JDBC database product name. */
    public static String vendorFolder(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        throw new IllegalStateException("No migrations for database " + productName);
    }
}
