package dev.merpati.connector.outbound;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.SmtpDeliveryResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One blocking SMTP client session: EHLO (HELO if refused), STARTTLS when offered, MAIL, one RCPT
 * per recipient, DATA with the content dot-stuffed, QUIT. Every recipient gets the reply that
 * decided its fate; a network failure is a temporary failure (code 0, "4.4.1 ...").
 *
 * <p>TLS comes in two strengths. To an MX host (and to a relay host without a login) STARTTLS is
 * opportunistic, Postfix's {@code smtp_tls_security_level = may}: any certificate is accepted,
 * which protects against eavesdropping only ({@link OpportunisticTls}). Before logging in at the
 * relay host the certificate must be trusted for the relay host's name ({@link RelayTls}), else no
 * AUTH is sent, the session ends with QUIT and the mail is deferred ({@code 4.7.5}).
 */
final class SmtpClient {

    private static final System.Logger LOG = System.getLogger(SmtpClient.class.getName());

    static final int CONNECTION_FAILED = 0;
    /** A temporary failure for a session that broke off during the mail transaction. */
    static final int LOST_IN_TRANSACTION = 451;
    /** The code of a session given up on before MAIL for a reason of the client's own (TLS, login). */
    static final int REFUSED_BEFORE_MAIL = 454;

    private static final String CONNECTING = "connecting";

    private final String heloName;
    private final ClientTimeouts timeouts;

    SmtpClient(String heloName, ClientTimeouts timeouts) {
        this.heloName = heloName;
        this.timeouts = timeouts;
    }

    /**
     * The login at the relay host: the credentials, the name the relay host's certificate must be
     * valid for (the relay host as configured: a DNS name, or an IP address for a literal) and what
     * the certificate is checked against.
     */
    record RelayLogin(String name, RelayCredentials credentials, RelayTls trust) {}

    /** One session with an MX host (or any next hop where the client does not log in). */
    List<SmtpDeliveryResult> deliver(
            String host, int port, String reversePath, List<String> recipients, MessageContent content) {
        return session(host, port, reversePath, recipients, content, null);
    }

    /**
     * One session with the relay host, logging in: the session must reach TLS with a certificate
     * trusted for {@code login.name()} and log in before MAIL, else every recipient is deferred (the
     * password never goes in the clear, nor to a server that is not the relay host).
     */
    List<SmtpDeliveryResult> relay(
            RelayLogin login,
            String host,
            int port,
            String reversePath,
            List<String> recipients,
            MessageContent content) {
        return session(host, port, reversePath, recipients, content, login);
    }

    private List<SmtpDeliveryResult> session(
            String host,
            int port,
            String reversePath,
            List<String> recipients,
            MessageContent content,
            RelayLogin login) {
        Map<String, SmtpDeliveryResult> results = new LinkedHashMap<>();
        String where = host + ":" + port;
        String stage = CONNECTING;
        boolean transaction = false;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), timeouts.connect());
            Session session = new Session(plain);
            session.timeout(timeouts.helo());
            stage = "receiving the initial server greeting";
            Reply greeting = session.read();
            if (!greeting.positive()) {
                return all(recipients, greeting, where);
            }
            stage = "sending EHLO";
            Reply ehlo = session.command("EHLO " + heloName);
            boolean secure = false;
            if (!ehlo.positive()) {
                ehlo = session.command("HELO " + heloName);
                if (!ehlo.positive()) {
                    return all(recipients, ehlo, where);
                }
            } else if (ehlo.offers("STARTTLS")) {
                stage = "sending STARTTLS";
                Reply tls = session.command("STARTTLS");
                if (tls.code() == 220) {
                    stage = "starting TLS";
                    if (login == null) {
                        session = new Session(OpportunisticTls.wrap(plain, host, port));
                    } else {
                        RelayTls.Upgrade upgrade = login.trust().wrap(plain, login.name(), port);
                        session = new Session(upgrade.socket());
                        if (!upgrade.trusted()) {
                            return untrusted(session, login, upgrade.problem(), recipients, where);
                        }
                    }
                    secure = true;
                    session.timeout(timeouts.helo());
                    stage = "sending EHLO";
                    ehlo = session.command("EHLO " + heloName);
                    if (!ehlo.positive()) {
                        return all(recipients, ehlo, where);
                    }
                }
            }
            if (login != null) {
                stage = "logging in";
                Reply auth = authenticate(session, ehlo, secure, login.credentials());
                if (!auth.positive()) {
                    session.quit();
                    return all(recipients, auth, where);
                }
            }
            session.timeout(timeouts.mail());
            stage = "sending MAIL FROM";
            transaction = true;
            Reply mail = session.command("MAIL FROM:<" + reversePath + ">");
            if (!mail.positive()) {
                return all(recipients, mail, where);
            }
            List<String> accepted = new ArrayList<>();
            session.timeout(timeouts.rcpt());
            stage = "sending RCPT TO";
            for (String recipient : recipients) {
                Reply rcpt = session.command("RCPT TO:<" + recipient + ">");
                if (rcpt.positive()) {
                    accepted.add(recipient);
                } else {
                    results.put(recipient, rcpt.result(recipient, where));
                }
            }
            if (!accepted.isEmpty()) {
                session.timeout(timeouts.dataInit());
                stage = "sending DATA";
                Reply data = session.command("DATA");
                Reply end;
                if (data.code() == 354) {
                    stage = "sending the message content";
                    try (InputStream in = content.openStream()) {
                        session.sendData(in);
                    }
                    session.timeout(timeouts.dataDone());
                    stage = "waiting for the reply to the end of the data";
                    end = session.read();
                } else {
                    end = data;
                }
                for (String recipient : accepted) {
                    results.put(recipient, end.result(recipient, where));
                }
            }
            session.timeout(timeouts.quit());
            session.quit();
        } catch (IOException | RuntimeException e) {
            String reason;
            if (stage.equals(CONNECTING)) {
                reason = "4.4.1 connection to " + where + " failed: " + e;
            } else if (e instanceof SocketTimeoutException) {
                reason = "4.4.2 conversation with " + where + " timed out while " + stage;
            } else {
                reason = "4.4.2 lost connection with " + where + " while " + stage + ": " + e;
            }
            // Before MAIL nothing was said about the mail: the next server may be tried. After it,
            // this server's failure decides (no second copy through another server).
            int code = transaction ? LOST_IN_TRANSACTION : CONNECTION_FAILED;
            for (String recipient : recipients) {
                results.putIfAbsent(recipient, new SmtpDeliveryResult(recipient, code, reason));
            }
        }
        return recipients.stream().map(results::get).toList();
    }

    /**
     * The relay host's certificate failed the check: QUIT (inside the TLS session, saying nothing
     * else) and defer every recipient.
     */
    private List<SmtpDeliveryResult> untrusted(
            Session session, RelayLogin login, String problem, List<String> recipients, String where)
            throws IOException {
        LOG.log(
                System.Logger.Level.WARNING,
                "relay host " + login.name() + " (" + where + "): certificate not trusted (checked against "
                        + login.trust().source() + "): " + problem + "; no AUTH sent, mail deferred");
        session.timeout(timeouts.quit());
        session.quit();
        Reply refused = failed(REFUSED_BEFORE_MAIL, "4.7.5 relay host certificate not trusted: " + problem);
        return all(recipients, refused, where);
    }

    /** AUTH PLAIN (or LOGIN) under TLS; a failure comes back as a temporary reply (Postfix defers). */
    private static Reply authenticate(Session session, Reply ehlo, boolean secure, RelayCredentials credentials)
            throws IOException {
        if (!secure) {
            return failed(
                    REFUSED_BEFORE_MAIL,
                    "4.7.0 no TLS with the relay host (STARTTLS not offered or refused): the password is not sent"
                            + " in the clear");
        }
        String mechanism = RelayCredentials.mechanism(ehlo.parameters("AUTH"));
        if (mechanism == null) {
            return failed(REFUSED_BEFORE_MAIL, "4.7.0 the relay host offers neither AUTH PLAIN nor AUTH LOGIN");
        }
        Reply reply;
        if (mechanism.equals(RelayCredentials.PLAIN)) {
            reply = session.command("AUTH PLAIN " + credentials.plainResponse());
        } else {
            reply = session.command("AUTH LOGIN");
            if (reply.code() == 334) {
                reply = session.command(credentials.loginUsername());
            }
            if (reply.code() == 334) {
                reply = session.command(credentials.loginPassword());
            }
        }
        if (reply.code() == 235) {
            return reply;
        }
        return failed(
                REFUSED_BEFORE_MAIL,
                "4.7.8 SASL authentication failed; server said: " + reply.code() + " "
                        + String.join(" ", reply.lines()));
    }

    private static Reply failed(int code, String text) {
        return new Reply(code, List.of(text));
    }

    private static List<SmtpDeliveryResult> all(List<String> recipients, Reply reply, String where) {
        return recipients.stream().map(r -> reply.result(r, where)).toList();
    }

    /** A reply: its code and its lines' texts (without the code). */
    record Reply(int code, List<String> lines) {

        boolean positive() {
            return code >= 200 && code < 400;
        }

        boolean offers(String extension) {
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i).toUpperCase(Locale.ROOT);
                if (line.equals(extension) || line.startsWith(extension + " ")) {
                    return true;
                }
            }
            return false;
        }

        /** The parameters of an EHLO keyword ("PLAIN LOGIN" for "AUTH PLAIN LOGIN"); "" if not offered. */
        String parameters(String extension) {
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith(extension + " ") || upper.startsWith(extension + "=")) {
                    return line.substring(extension.length() + 1).strip();
                }
            }
            return "";
        }

        SmtpDeliveryResult result(String recipient, String where) {
            String text = String.join(" ", lines).strip();
            if (code >= 200 && code < 300 && !text.matches("2\\.\\d+\\.\\d+ .*")) {
                text = "2.0.0 " + text;
            } else if (code >= 400 && !text.matches("[45]\\.\\d+\\.\\d+( .*)?")) {
                text = (code >= 500 ? "5.0.0 " : "4.0.0 ") + text;
            }
            return new SmtpDeliveryResult(recipient, code, text + " (from " + where + ")");
        }
    }

    private static final class Session {
        private static final int MAX_LINE = 4096;

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16384);
        }

        /** How long the next replies may take. */
        void timeout(int millis) throws IOException {
            socket.setSoTimeout(millis);
        }

        Reply command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read();
        }

        void quit() {
            try {
                command("QUIT");
            } catch (IOException e) {
                // the transaction is over: a lost QUIT changes nothing
            }
        }

        Reply read() throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String line = readLine();
                if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                    throw new IOException("malformed reply: " + line);
                }
                lines.add(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) != '-') {
                    return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
                }
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (line.length() < MAX_LINE && b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        /** The content, dot-stuffed, bare LFs as CRLF, then the "." line. */
        void sendData(InputStream content) throws IOException {
            byte[] buffer = new byte[16384];
            boolean atLineStart = true;
            int previous = -1;
            int n;
            while ((n = content.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (atLineStart && b == '.') {
                        out.write('.');
                    }
                    if (b == '\n' && previous != '\r') {
                        out.write('\r');
                    }
                    out.write(b);
                    atLineStart = b == '\n';
                    previous = b;
                }
            }
            out.write((atLineStart ? ".\r\n" : "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
