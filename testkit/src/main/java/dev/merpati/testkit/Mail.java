package dev.merpati.testkit;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/** Sends and fetches mail with Jakarta Mail, as a desktop client would, at the {@link TestServer}. */
public final class Mail {

    private Mail() {}

    /** What a client needs for SMTP, POP3 and IMAP to the test server, with timeouts. */
    public static Properties properties() {
        Properties props = new Properties();
        props.put("mail.smtp.host", TestServer.HOST);
        props.put("mail.smtp.port", String.valueOf(TestServer.SMTP_PORT));
        props.put("mail.smtp.ehlo", "true");
        props.put("mail.smtp.localhost", "client.merpati.test");
        props.put("mail.pop3.host", TestServer.HOST);
        props.put("mail.pop3.port", String.valueOf(TestServer.POP3_PORT));
        props.put("mail.imap.host", TestServer.HOST);
        props.put("mail.imap.port", String.valueOf(TestServer.IMAP_PORT));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.pop3.connectiontimeout", "10000");
        props.put("mail.pop3.timeout", "30000");
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "30000");
        return props;
    }

    public static Session session() {
        return Session.getInstance(properties());
    }

    /** An IMAP store logged in at the test server. */
    public static Store imapStore(String user, String password) throws MessagingException {
        Store store = session().getStore("imap");
        store.connect(user, password);
        return store;
    }

    public static String uniqueSubject(String what) {
        return what + " " + UUID.randomUUID();
    }

    public static void send(String from, String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    /** Polls the user's POP3 maildrop until a message with this subject arrives, and returns its raw text. */
    public static String awaitPop3Message(String user, String password, String subject, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<String> found = findPop3Message(user, password, subject);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message '" + subject + "' reached " + user + " within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    public static Optional<String> findPop3Message(String user, String password, String subject) throws Exception {
        return readPop3(user, password, messages -> {
            for (Message message : messages) {
                if (subject.equals(message.getSubject())) {
                    return Optional.of(rawText(message));
                }
            }
            return Optional.empty();
        });
    }

    /** What a test reads from a maildrop. */
    interface Pop3Reader<T> {
        T read(Message[] messages) throws Exception;
    }

    /** Opens the user's POP3 maildrop read-only and hands its messages to the reader. */
    static <T> T readPop3(String user, String password, Pop3Reader<T> reader) throws Exception {
        Store store = session().getStore("pop3");
        store.connect(user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return reader.read(inbox.getMessages());
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The message as the server sent it, headers and body, decoded as UTF-8. */
    static String rawText(Message message) throws IOException, MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
