package dev.merpati.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    /** A deterministic stream of the given length that hands out at most 1000 bytes per read. */
    private static InputStream pattern(long length) {
        InputStream all = new InputStream() {
            long position;

            @Override
            public int read() {
                return position < length ? (int) (position++ * 31 % 251) : -1;
            }
        };
        return new FilterInputStream(all) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
    }

    @Test
    void largeStreamIsCutIntoFullChunksAndARest() throws IOException {
        long length = 50L * 1024 * 1024 + 12345;
        List<long[]> chunks = new ArrayList<>();
        long total = Chunker.split(pattern(length), BodyChunks.CHUNK_SIZE, (seq, offset, data) -> {
            assertTrue(data.length <= BodyChunks.CHUNK_SIZE);
            chunks.add(new long[] {seq, offset, data.length});
        });
        assertEquals(length, total);
        assertEquals(201, chunks.size());
        long expectedOffset = 0;
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(i + 1, chunks.get(i)[0]);
            assertEquals(expectedOffset, chunks.get(i)[1]);
            expectedOffset += chunks.get(i)[2];
        }
        assertEquals(12345, chunks.get(200)[2]);
    }

    @Test
    void chunksReassembleToTheInput() throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        Chunker.split(pattern(10_000), 4096, (seq, offset, data) -> {
            assertEquals(joined.size(), offset);
            joined.write(data);
        });
        assertArrayEquals(pattern(10_000).readAllBytes(), joined.toByteArray());
    }

    @Test
    void exactMultipleHasNoEmptyLastChunk() throws IOException {
        List<Integer> sizes = new ArrayList<>();
        Chunker.split(pattern(8192), 4096, (seq, offset, data) -> sizes.add(data.length));
        assertEquals(List.of(4096, 4096), sizes);
    }

    @Test
    void emptyStreamHasNoChunks() throws IOException {
        assertEquals(0, Chunker.split(InputStream.nullInputStream(), 4096, (s, o, d) -> {
            throw new AssertionError("no chunk expected");
        }));
    }
}
