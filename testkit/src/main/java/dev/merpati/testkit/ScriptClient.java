package dev.merpati.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A protocol client for conversation tests: a real socket, line by line. {@link #script} runs lines
 * of the form {@code "C: text"} (sent with CRLF) and {@code "S: prefix"} (one reply line expected to
 * start with the prefix).
 */
public final class ScriptClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public ScriptClient(int port) {
        this(connect(port));
    }

    /** A client on a socket that is already connected, e.g. one upgraded to TLS. */
    public ScriptClient(Socket socket) {
        try {
            this.socket = socket;
            socket.setSoTimeout(15_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(int port) {
        try {
            return new Socket("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The socket, e.g. to layer TLS over it after STARTTLS. */
    public Socket socket() {
        return socket;
    }

    /** Starts TLS on this connection (after the server's go-ahead) and returns the client speaking through it. */
    public ScriptClient startTls() {
        try {
            return new ScriptClient(TestSockets.upgrade(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void script(String... lines) {
        for (String line : lines) {
            if (line.startsWith("C: ")) {
                sendLine(line.substring(3));
            } else if (line.startsWith("S: ")) {
                expect(line.substring(3));
            } else {
                throw new IllegalArgumentException("script lines start with C: or S: - " + line);
            }
        }
    }

    public void sendLine(String line) {
        send(line + "\r\n");
    }

    /** Sends raw text (ISO-8859-1), in one write: several commands at once test pipelining. */
    public void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one line and checks that it starts with {@code prefix}; returns the line. */
    public String expect(String prefix) {
        String line = readLine();
        assertTrue(line.startsWith(prefix), () -> "expected '" + prefix + "...' but got '" + line + "'");
        return line;
    }

    /** One line without its CRLF (fails if the line did not end with CRLF). */
    public String readLine() {
        byte[] raw = readRawLine();
        String line = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(line.endsWith("\r\n"), () -> "line not ended by CRLF: '" + line + "'");
        return line.substring(0, line.length() - 2);
    }

    /** Exactly {@code count} octets (a literal's contents). */
    public byte[] readBytes(int count) {
        try {
            byte[] bytes = in.readNBytes(count);
            assertTrue(bytes.length == count, () -> "connection closed after " + bytes.length + " of " + count);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line including its line ending, as bytes. */
    public byte[] readRawLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(
                "connection closed; partial line: '" + line.toString(StandardCharsets.ISO_8859_1) + "'");
    }

    /** Reads a POP3 multi-line body up to the "." line, undoing the byte-stuffing. */
    public byte[] readMultiLineBody() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readRawLine();
            if (line.length == 3 && line[0] == '.' && line[1] == '\r') {
                return body.toByteArray();
            }
            int skip = line[0] == '.' ? 1 : 0;
            body.write(line, skip, line.length - skip);
        }
    }

    /** Asserts that the server closed the connection (after any remaining lines were read). */
    public void expectClosed() {
        try {
            int b = in.read();
            assertEquals(-1, b, "expected the server to close the connection");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection", e);
        } catch (IOException e) {
            // a reset also means closed
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // test cleanup
        }
    }
}
