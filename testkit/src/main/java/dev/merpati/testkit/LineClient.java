package dev.merpati.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare protocol client on a real socket: send a line, read the reply, assert on what came back.
 * Lenient about line endings (a lone LF ends a line too), for tests of a running server; the
 * connector's conversation tests, which check every CRLF, use {@link ScriptClient}.
 */
public final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public LineClient(String host, int port) throws IOException {
        this(new Socket(host, port));
    }

    /** A client connecting from a given local address, e.g. 127.0.0.2 to look like another host. */
    public static LineClient from(String localAddress, String host, int port) throws IOException {
        return new LineClient(new Socket(host, port, InetAddress.getByName(localAddress), 0));
    }

    /** A POP3 client that has read the greeting and logged in with USER and PASS. */
    public static LineClient pop3Login(String host, int port, String user, String password) throws IOException {
        LineClient pop3 = new LineClient(host, port);
        assertReply("+OK", pop3.readLine());
        assertReply("+OK", pop3.pop3("USER " + user));
        assertReply("+OK", pop3.pop3("PASS " + password));
        return pop3;
    }

    /** An IMAP client that has read the greeting and logged in with LOGIN (tag "l"). */
    public static LineClient imapLogin(String host, int port, String user, String password) throws IOException {
        LineClient imap = new LineClient(host, port);
        assertTrue(imap.readLine().startsWith("* OK"));
        imap.imap("l", "LOGIN " + user + " " + password);
        return imap;
    }

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    public String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("connection closed by the server");
        }
        return line;
    }

    /** Reads an SMTP reply, following continuation lines ("250-..."), and returns its last line. */
    public String readSmtpReply() throws IOException {
        String line = readLine();
        while (line.length() > 3 && line.charAt(3) == '-') {
            line = readLine();
        }
        return line;
    }

    /** Reads a POP3 multi-line body after its status line, up to the terminating ".". */
    public List<String> readPop3Lines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(); !line.equals("."); line = readLine()) {
            lines.add(line.startsWith("..") ? line.substring(1) : line);
        }
        return lines;
    }

    /** Reads an IMAP response: the untagged lines and the one tagged {@code tag}, last. */
    public List<String> readTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    public void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public String smtp(String line) throws IOException {
        send(line);
        return readSmtpReply();
    }

    public String pop3(String line) throws IOException {
        send(line);
        return readLine();
    }

    /** Sends an IMAP command and returns its untagged lines followed by the tagged one, which must be OK. */
    public List<String> imap(String tag, String command) throws IOException {
        send(tag + " " + command);
        List<String> lines = readTagged(tag);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith(tag + " OK"), () -> command + " -> " + lines);
        return lines;
    }

    public static void assertReply(String expectedStart, String reply) {
        assertTrue(
                reply.startsWith(expectedStart),
                () -> "expected a reply starting with '" + expectedStart + "' but got '" + reply + "'");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
