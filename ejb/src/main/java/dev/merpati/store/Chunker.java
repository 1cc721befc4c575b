package dev.merpati.store;

import java.io.IOException;
import java.io.InputStream;

/** Cuts a stream into consecutive pieces of a fixed size (the last one shorter), one piece in memory at a time. */
public final class Chunker {

    /** Receives each piece with its sequence number (from 1) and its offset in the stream. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(int seq, long offset, byte[] data) throws IOException;
    }

    private Chunker() {}

    /** @return the number of octets read */
    public static long split(InputStream in, int chunkSize, ChunkSink sink) throws IOException {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        long offset = 0;
        int seq = 0;
        while (true) {
            byte[] chunk = in.readNBytes(chunkSize);
            if (chunk.length == 0) {
                return offset;
            }
            sink.accept(++seq, offset, chunk);
            offset += chunk.length;
            if (chunk.length < chunkSize) {
                return offset;
            }
        }
    }
}
