package dev.merpati.connector.smtp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** One mail transaction, from MAIL FROM to the end of DATA (or RSET). */
public final class MailTransaction implements AutoCloseable {

    private final String reversePath;
    private final List<String> recipients = new ArrayList<>();
    private MessageSpool content;
    private MessageDataDecoder decoder;

    public MailTransaction(String reversePath) {
        this.reversePath = reversePath;
    }

    public String reversePath() {
        return reversePath;
    }

    public List<String> recipients() {
        return List.copyOf(recipients);
    }

    public int recipientCount() {
        return recipients.size();
    }

    public void addRecipient(String recipient) {
        recipients.add(recipient);
    }

    /** After the 354 reply: input is message data until the terminator. */
    public void beginData(MessageSpool spool) {
        content = spool;
        decoder = new MessageDataDecoder();
    }

    public boolean readingData() {
        return decoder != null;
    }

    /** @return whether the end of the data was reached */
    public boolean readData(ByteBuf in) {
        boolean ended = decoder.decode(in, content);
        if (ended) {
            decoder = null;
            content.finish();
        }
        return ended;
    }

    /** The spooled message, once the data has ended. */
    public MessageSpool content() {
        return content;
    }

    /** Releases the spooled content. */
    @Override
    public void close() {
        if (content != null) {
            content.close();
        }
    }
}
