package dev.merpati.connector.net;

import dev.merpati.connector.api.MessageContent;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Holds the content of one incoming message (an SMTP mail transaction, an IMAP APPEND) while it
 * lasts: in memory up to a threshold, then in a temporary file that {@link #close} deletes. It counts
 * every octet but stops storing once the size limit is passed, so an oversized message is read to its
 * end without being kept.
 */
public final class MessageSpool implements MessageContent, DataSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MessageSpool.class.getName());
    private static final int FILE_BUFFER = 64 * 1024;

    private final long maxSize;
    private final int memoryLimit;
    private final Path directory;
    private byte[] memory = new byte[8192];
    private int memoryLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean exceeded;
    private IOException failure;

    public MessageSpool(long maxSize, int memoryLimit, Path directory) {
        this.maxSize = maxSize;
        this.memoryLimit = memoryLimit;
        this.directory = directory;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        size += length;
        if (exceeded || failure != null) {
            return;
        }
        if (size > maxSize) {
            exceeded = true;
            discard();
            return;
        }
        try {
            if (file == null && memoryLength + length <= memoryLimit) {
                appendToMemory(bytes, offset, length);
            } else {
                if (file == null) {
                    moveToFile();
                }
                fileOut.write(bytes, offset, length);
            }
        } catch (IOException e) {
            failure = e;
            discard();
        }
    }

    /** Ends writing: after this the content can be read. */
    public void finish() {
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException e) {
                failure = e;
                discard();
            } finally {
                fileOut = null;
            }
        }
    }

    public boolean exceeded() {
        return exceeded;
    }

    /** The I/O error that made the spool unusable, or {@code null}. */
    public IOException failure() {
        return failure;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream() throws IOException {
        if (exceeded || failure != null) {
            throw new IOException("the message was not kept", failure);
        }
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory, 0, memoryLength);
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        discard();
    }

    private void appendToMemory(byte[] bytes, int offset, int length) {
        if (memoryLength + length > memory.length) {
            int capacity = Math.min(memoryLimit, Math.max(memory.length * 2, memoryLength + length));
            memory = Arrays.copyOf(memory, capacity);
        }
        System.arraycopy(bytes, offset, memory, memoryLength, length);
        memoryLength += length;
    }

    private void moveToFile() throws IOException {
        file = Files.createTempFile(directory, "merpati-smtp-", ".eml");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER);
        fileOut.write(memory, 0, memoryLength);
        memory = new byte[0];
        memoryLength = 0;
    }

    private void discard() {
        memory = new byte[0];
        memoryLength = 0;
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
            fileOut = null;
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete spool file " + file, e);
            }
            file = null;
        }
    }
}
