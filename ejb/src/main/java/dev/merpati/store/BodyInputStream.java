package dev.merpati.store;

import java.io.InputStream;

/** Streams a stored body chunk by chunk, never the whole message in memory. */
public final class BodyInputStream extends InputStream {

    private final BodyStore bodies;
    private final long bodyId;
    private final long size;
    private long offset;
    private byte[] chunk = new byte[0];
    private int position;

    public BodyInputStream(BodyStore bodies, long bodyId, long size) {
        this(bodies, bodyId, 0, size);
    }

    /** The octets from {@code from} (inclusive) to {@code to} (exclusive) of the stored body. */
    public BodyInputStream(BodyStore bodies, long bodyId, long from, long to) {
        this.bodies = bodies;
        this.bodyId = bodyId;
        this.offset = from;
        this.size = to;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= chunk.length) {
            if (offset >= size) {
                return -1;
            }
            chunk = bodies.read(bodyId, offset, (int) Math.min(BodyChunks.CHUNK_SIZE, size - offset));
            position = 0;
            if (chunk.length == 0) {
                return -1;
            }
            offset += chunk.length;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }
}
