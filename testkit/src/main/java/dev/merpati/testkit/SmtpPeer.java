package dev.merpati.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server on a loopback port, one session at a time, standing in for the next hop of
 * Merpati's SMTP client: a remote MX or a relay host. It accepts every message, or refuses every RCPT
 * with a given reply; it may offer STARTTLS (before which it offers nothing else) and require AUTH
 * PLAIN or LOGIN before MAIL. Tests read what arrived ({@link #await}) and the commands a session sent
 * ({@link #awaitSession}).
 */
public final class SmtpPeer implements AutoCloseable {

    /** How long {@link #await(String)} waits for a message. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    /** A message the peer accepted: who was logged in, whether over TLS, the envelope and the data. */
    public record Delivery(String login, boolean overTls, String from, List<String> to, String data) {}

    private final Builder options;
    private final ServerSocket server;
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<List<String>> sessions = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Socket session;

    /** A peer on this loopback port; 0 takes any free port ({@link #port()} tells which). */
    public static Builder on(int port) {
        return new Builder(port);
    }

    /** What the peer offers and accepts, set before {@link #start()}. */
    public static final class Builder {
        private final int port;
        private String hostName = "peer.test";
        private List<String> extensions = List.of();
        private SSLContext tls;
        private String mechanisms;
        private String user;
        private String password;
        private String rcptRefusal;

        private Builder(int port) {
            this.port = port;
        }

        /** The name in the greeting and the EHLO reply. */
        public Builder hostName(String hostName) {
            this.hostName = hostName;
            return this;
        }

        /** EHLO keywords offered besides STARTTLS and AUTH, e.g. 8BITMIME. */
        public Builder extensions(String... extensions) {
            this.extensions = List.of(extensions);
            return this;
        }

        /** Offers STARTTLS with this server context ({@link TestKeystore}); AUTH is offered only after it. */
        public Builder startTls(SSLContext tls) {
            this.tls = tls;
            return this;
        }

        /** Offers AUTH with these mechanisms (PLAIN, LOGIN) and requires this login before MAIL. */
        public Builder auth(String mechanisms, String user, String password) {
            this.mechanisms = mechanisms;
            this.user = user;
            this.password = password;
            return this;
        }

        /** Answers every RCPT with this reply instead of accepting it. */
        public Builder refuseRecipients(String reply) {
            this.rcptRefusal = reply;
            return this;
        }

        public SmtpPeer start() throws IOException {
            return new SmtpPeer(this);
        }
    }

    private SmtpPeer(Builder options) throws IOException {
        this.options = options;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port));
        thread = new Thread(this::serve, "smtp-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next message for this recipient, within {@link #WAIT}; messages for others are passed over. */
    public Delivery await(String recipient) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Delivery d = received.poll(1, TimeUnit.SECONDS);
            if (d != null && d.to().contains("<" + recipient + ">")) {
                return d;
            }
        }
        return fail("no mail for " + recipient + " at " + options.hostName);
    }

    /**
     * The command lines of the next session that ended, in order, without the message data. AUTH is
     * shown decoded: {@code AUTH PLAIN (|user|password)}, and the lines after {@code AUTH LOGIN} as
     * {@code (user)} and {@code (password)}.
     */
    public List<String> awaitSession(Duration timeout) throws InterruptedException {
        List<String> commands = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return commands != null ? commands : fail("no SMTP session ended at " + options.hostName + " in " + timeout);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session = s;
                s.setSoTimeout(30_000);
                List<String> commands = new ArrayList<>();
                try {
                    session(s, commands);
                } finally {
                    sessions.add(List.copyOf(commands));
                }
            } catch (IOException e) {
                // closed, or a broken session: the next one
            }
        }
    }

    private void session(Socket plain, List<String> commands) throws IOException {
        Socket s = plain;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        String host = options.hostName;
        reply(out, "220 " + host + " ESMTP");
        boolean secure = false;
        String login = null;
        String from = null;
        List<String> to = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String upper = line.toUpperCase(Locale.ROOT);
            boolean authOffered = options.mechanisms != null && (options.tls == null || secure);
            if (upper.startsWith("EHLO")) {
                List<String> keywords = new ArrayList<>(options.extensions);
                if (options.tls != null && !secure) {
                    keywords.add("STARTTLS");
                }
                if (authOffered) {
                    keywords.add("AUTH " + options.mechanisms);
                }
                StringBuilder ehlo = new StringBuilder("250" + (keywords.isEmpty() ? " " : "-") + host);
                for (int i = 0; i < keywords.size(); i++) {
                    ehlo.append("\r\n250")
                            .append(i == keywords.size() - 1 ? " " : "-")
                            .append(keywords.get(i));
                }
                reply(out, ehlo.toString());
            } else if (upper.equals("STARTTLS") && options.tls != null && !secure) {
                reply(out, "220 2.0.0 ready");
                SSLSocket ssl = (SSLSocket) options.tls.getSocketFactory().createSocket(plain, null, true);
                ssl.setUseClientMode(false);
                ssl.startHandshake();
                s = ssl;
                in = reader(s);
                out = s.getOutputStream();
                secure = true;
            } else if (upper.startsWith("AUTH PLAIN ") && authOffered) {
                String decoded = decode(line.substring(11));
                commands.set(commands.size() - 1, "AUTH PLAIN (" + decoded.replace('\0', '|') + ")");
                String[] parts = decoded.split("\0", -1);
                login = authenticate(out, parts.length == 3 ? parts[1] : null, parts.length == 3 ? parts[2] : null);
            } else if (upper.equals("AUTH LOGIN") && authOffered) {
                reply(out, "334 VXNlcm5hbWU6");
                String user = decode(in.readLine());
                commands.add("(" + user + ")");
                reply(out, "334 UGFzc3dvcmQ6");
                String password = decode(in.readLine());
                commands.add("(" + password + ")");
                login = authenticate(out, user, password);
            } else if (upper.startsWith("MAIL FROM:")) {
                if (options.mechanisms != null && login == null) {
                    reply(out, "530 5.7.0 authentication required");
                    continue;
                }
                from = line.substring(10).trim();
                to.clear();
                reply(out, "250 2.1.0 ok");
            } else if (upper.startsWith("RCPT TO:")) {
                if (options.rcptRefusal != null) {
                    reply(out, options.rcptRefusal);
                } else {
                    to.add(line.substring(8).trim());
                    reply(out, "250 2.1.5 ok");
                }
            } else if (upper.equals("DATA")) {
                reply(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals(".")) {
                    data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                }
                received.add(new Delivery(login, secure, from, List.copyOf(to), data.toString()));
                reply(out, "250 2.0.0 queued");
            } else if (upper.equals("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "502 5.5.1 not here");
            }
        }
    }

    /** Answers a login attempt; returns the user if it is the one configured. */
    private String authenticate(OutputStream out, String user, String password) throws IOException {
        if (options.user.equals(user) && options.password.equals(password)) {
            reply(out, "235 2.7.0 authenticated");
            return user;
        }
        reply(out, "535 5.7.8 bad credentials");
        return null;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Closing a server socket that another thread is blocked accepting on only pre-closes it: the
     * port stays bound until that thread has left accept(). Wait for it, so that the next test can
     * bind the same port.
     */
    @Override
    public void close() throws IOException {
        server.close();
        Socket open = session;
        if (open != null) {
            open.close();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
