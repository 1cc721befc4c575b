package dev.merpati.connector.pop3;

/** Decides how much of a streamed message is sent (everything for RETR, the head for TOP). */
public interface ContentFilter {

    /** @return how many leading bytes of {@code chunk} to send */
    int accept(byte[] chunk);

    /** Whether nothing more is wanted, so reading can stop. */
    boolean done();

    static ContentFilter everything() {
        return new ContentFilter() {
            @Override
            public int accept(byte[] chunk) {
                return chunk.length;
            }

            @Override
            public boolean done() {
                return false;
            }
        };
    }
}
