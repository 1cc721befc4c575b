package dev.merpati.pipeline;

/**
 * Cleanup's limits. The header size limit comes from the system property {@value
 * #HEADER_LIMIT_PROPERTY} (bytes, default 102400 as Postfix's header_size_limit, at most one body
 * chunk); more than {@value #MAX_HOPS} Received/Delivered-To fields is a mail loop (Postfix's
 * hopcount_limit).
 */
public final class CleanupSettings {

    static final String HEADER_LIMIT_PROPERTY = "merpati.cleanup.headerSizeLimit";
    public static final int MAX_HOPS = 50;
    static final int DEFAULT_HEADER_LIMIT = 102_400;

    private CleanupSettings() {}

    public static int headerSizeLimit() {
        String value = System.getProperty(HEADER_LIMIT_PROPERTY);
        try {
            int limit = value == null || value.isBlank() ? DEFAULT_HEADER_LIMIT : Integer.parseInt(value.strip());
            return limit > 0 ? Math.min(limit, dev.merpati.store.BodyChunks.CHUNK_SIZE - 2) : DEFAULT_HEADER_LIMIT;
        } catch (NumberFormatException e) {
            return DEFAULT_HEADER_LIMIT;
        }
    }
}
