package dev.merpati.connector.smtp;

import dev.merpati.connector.api.DsnRequest;
import dev.merpati.connector.api.RecipientDsn;
import dev.merpati.connector.net.MessageSpool;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One mail transaction, from MAIL FROM to the end of DATA (or RSET). */
public final class MailTransaction implements AutoCloseable {

    private final String reversePath;
    private final List<String> recipients = new ArrayList<>();
    private final Map<String, RecipientDsn> recipientDsn = new LinkedHashMap<>();
    private DsnRequest dsn = DsnRequest.NONE;
    private MessageSpool content;
    private MessageDataDecoder decoder;
    private boolean smtputf8;
    private boolean chunked;
    private long chunkRemaining;
    private boolean lastChunk;

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

    /** @param dsn the recipient's NOTIFY/ORCPT, or {@code null} when it had none */
    public void addRecipient(String recipient, RecipientDsn dsn) {
        recipients.add(recipient);
        if (dsn != null) {
            recipientDsn.putIfAbsent(recipient, dsn);
        }
    }

    public Map<String, RecipientDsn> recipientDsn() {
        return Map.copyOf(recipientDsn);
    }

    public DsnRequest dsn() {
        return dsn;
    }

    public void dsn(DsnRequest dsn) {
        this.dsn = dsn;
    }

    /** After the 354 reply: input is message data until the terminator. */
    public void beginData(MessageSpool spool) {
        content = spool;
        decoder = new MessageDataDecoder();
    }

    public boolean readingData() {
        return decoder != null || chunkRemaining > 0;
    }

    public boolean smtputf8() {
        return smtputf8;
    }

    public void smtputf8(boolean smtputf8) {
        this.smtputf8 = smtputf8;
    }

    /** Whether BDAT was used: then DATA may not be (RFC 3030 §2). */
    public boolean chunked() {
        return chunked;
    }

    /** BDAT size [LAST]: the next {@code size} octets are message content, taken as they are. */
    public void beginChunk(long size, boolean last, java.util.function.Supplier<MessageSpool> spool) {
        if (content == null) {
            content = spool.get();
        }
        chunked = true;
        chunkRemaining = size;
        lastChunk = last;
    }

    public boolean readingChunk() {
        return chunkRemaining > 0;
    }

    public boolean lastChunk() {
        return lastChunk;
    }

    /**
     * Copies chunk octets from {@code in}; they are counted by the spool against the size limit
     * even once it stops keeping them.
     *
     * @return whether the chunk is complete
     */
    public boolean readChunk(ByteBuf in) {
        int length = (int) Math.min(in.readableBytes(), chunkRemaining);
        byte[] bytes = new byte[Math.min(length, 65536)];
        int left = length;
        while (left > 0) {
            int piece = Math.min(left, bytes.length);
            in.readBytes(bytes, 0, piece);
            content.write(bytes, 0, piece);
            left -= piece;
        }
        chunkRemaining -= length;
        return chunkRemaining == 0;
    }

    /** Ends the content after the last chunk, so that it can be read. */
    public void finishChunks() {
        content.finish();
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
