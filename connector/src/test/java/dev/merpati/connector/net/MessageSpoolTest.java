package dev.merpati.connector.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageSpoolTest {

    @TempDir
    Path directory;

    @Test
    void smallMessageStaysInMemory() throws IOException {
        try (var spool = new MessageSpool(1000, 100, directory)) {
            spool.write("hello\r\n".getBytes(), 0, 7);
            spool.finish();
            assertEquals(7, spool.size());
            assertEquals(0, files());
            try (InputStream in = spool.openStream()) {
                assertEquals("hello\r\n", new String(in.readAllBytes()));
            }
        }
    }

    @Test
    void largeMessageGoesToAFileDeletedOnClose() throws IOException {
        byte[] data = new byte[10_000];
        new Random(1).nextBytes(data);
        var spool = new MessageSpool(100_000, 1024, directory);
        for (int offset = 0; offset < data.length; offset += 300) {
            spool.write(data, offset, Math.min(300, data.length - offset));
        }
        spool.finish();
        assertEquals(1, files());
        try (InputStream in = spool.openStream()) {
            assertArrayEquals(data, in.readAllBytes());
        }
        spool.close();
        assertEquals(0, files());
    }

    @Test
    void oversizedMessageIsCountedButNotKept() throws IOException {
        var spool = new MessageSpool(5000, 1024, directory);
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 100; i++) {
            spool.write(chunk, 0, chunk.length);
        }
        spool.finish();
        assertTrue(spool.exceeded());
        assertEquals(100_000, spool.size());
        assertEquals(0, files());
        assertThrows(IOException.class, spool::openStream);
        spool.close();
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        var spool = new MessageSpool(10, 1024, directory);
        spool.write(new byte[10], 0, 10);
        assertFalse(spool.exceeded());
        spool.close();
    }

    private long files() throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.count();
        }
    }
}
