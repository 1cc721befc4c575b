package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.testkit.DemoAccounts;
import dev.merpati.testkit.Mail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Mail's own IDLE (IMAPFolder.idle(), as a desktop client or a mail-watching service uses it):
 * a message delivered over SMTP while the folder idles reaches the client's MessageCountListener
 * without the client sending any command.
 */
class JakartaMailIdleIT {

    @Test
    void idleOfJakartaMailIsWokenByAnSmtpDelivery() throws Exception {
        CountDownLatch idling = new CountDownLatch(1);
        Properties props = Mail.properties();
        props.put("mail.imap.timeout", "60000");
        Session session = Session.getInstance(props);
        // The protocol trace tells the test when the server has accepted IDLE ("+ idling").
        session.setDebugOut(new PrintStream(new LineWatcher("+ idling", idling), true, StandardCharsets.UTF_8));
        session.setDebug(true);
        Store store = session.getStore("imap");
        store.connect("bob", DemoAccounts.BOB_PASSWORD);
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int before = inbox.getMessageCount();
            BlockingQueue<Message> added = new ArrayBlockingQueue<>(16);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    for (Message message : event.getMessages()) {
                        added.offer(message);
                    }
                }
            });
            AtomicReference<Throwable> idleFailure = new AtomicReference<>();
            // idle(true): the client leaves IDLE (DONE) by itself after the first notification.
            Thread idler = new Thread(
                    () -> {
                        try {
                            inbox.idle(true);
                        } catch (Throwable e) {
                            idleFailure.set(e);
                        }
                    },
                    "jakarta-mail-idle");
            idler.start();
            assertTrue(idling.await(30, TimeUnit.SECONDS), "the server never answered IDLE with a continuation");

            String subject = Mail.uniqueSubject("Jakarta Mail IDLE");
            Mail.send(DemoAccounts.ALICE, DemoAccounts.BOB, subject, "wake the idling client\r\n");
            long accepted = System.nanoTime();
            // The test thread sends nothing: only the server's push during IDLE can bring this event.
            Message message = added.poll(30, TimeUnit.SECONDS);
            long notified = System.nanoTime();
            assertNotNull(message, "no MessageCountEvent within 30 s of the SMTP 250");
            System.out.printf(
                    "Jakarta Mail IDLE: messagesAdded %d ms after the SMTP 250%n",
                    TimeUnit.NANOSECONDS.toMillis(notified - accepted));

            idler.join(30_000);
            assertFalse(idler.isAlive(), "idle(true) did not return after the notification");
            if (idleFailure.get() != null) {
                throw new AssertionError("idle() failed", idleFailure.get());
            }
            assertEquals(before + 1, message.getMessageNumber());
            assertEquals(subject, message.getSubject());
            assertEquals(before + 1, inbox.getMessageCount());
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    /** Counts a latch down when a line of the protocol trace starts with a prefix. */
    private static final class LineWatcher extends OutputStream {
        private final String prefix;
        private final CountDownLatch latch;
        private final StringBuilder line = new StringBuilder();

        LineWatcher(String prefix, CountDownLatch latch) {
            this.prefix = prefix;
            this.latch = latch;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                if (line.toString().startsWith(prefix)) {
                    latch.countDown();
                }
                line.setLength(0);
            } else if (line.length() < 200) {
                line.append((char) b);
            }
        }
    }
}
