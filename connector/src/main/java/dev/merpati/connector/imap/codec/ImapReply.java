package dev.merpati.connector.imap.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a command answers: response text and message octets in order, then the tagged status line.
 * The octets are named by message and range and streamed by the connection in bounded chunks.
 */
public final class ImapReply {

    /** A piece of the answer. */
    public sealed interface Segment {}

    /** Protocol text, CRLFs included. */
    public record Text(String text) implements Segment {}

    /** Octets held here (a filtered header), sent as they are. */
    public record Bytes(byte[] bytes) implements Segment {}

    /** {@code length} octets of message {@code messageId} from {@code offset}. */
    public record Octets(long messageId, long offset, long length) implements Segment {}

    /**
     * A BINARY section: the {@code length} stored octets of message {@code messageId} from {@code
     * offset} decoded with {@code encoding} (a {@link dev.merpati.connector.api.TransferDecoder}
     * name), of which the {@code take} decoded octets after the first {@code skip} are sent.
     */
    public record Decoded(long messageId, long offset, long length, String encoding, long skip, long take)
            implements Segment {}

    private final List<Segment> segments = new ArrayList<>();
    /** Text not yet made a segment: a FETCH of many messages appends to it thousands of times. */
    private final StringBuilder pendingText = new StringBuilder();

    private boolean close;
    private boolean startTls;
    private Continuation continuation;

    /**
     * The command waits for more client input (AUTHENTICATE, IDLE): the connection writes the
     * segments, then hands it the next line instead of parsing it as a command.
     */
    public interface Continuation extends Function<String, java.util.concurrent.CompletionStage<ImapReply>> {
        /** Called when the connection is gone or ends the wait (IDLE). */
        default void cancel() {}
    }

    public ImapReply untagged(String text) {
        pendingText.append("* ").append(text).append("\r\n");
        return this;
    }

    public ImapReply text(String text) {
        pendingText.append(text);
        return this;
    }

    public ImapReply octets(long messageId, long offset, long length) {
        if (length > 0) {
            add(new Octets(messageId, offset, length));
        }
        return this;
    }

    public ImapReply decoded(long messageId, long offset, long length, String encoding, long skip, long take) {
        if (take > 0) {
            add(new Decoded(messageId, offset, length, encoding, skip, take));
        }
        return this;
    }

    public ImapReply bytes(byte[] bytes) {
        if (bytes.length > 0) {
            add(new Bytes(bytes));
        }
        return this;
    }

    public ImapReply tagged(String tag, String status) {
        pendingText.append(tag).append(' ').append(status).append("\r\n");
        return this;
    }

    public ImapReply append(ImapReply other) {
        for (Segment segment : other.segments()) {
            if (segment instanceof Text t) {
                text(t.text());
            } else {
                add(segment);
            }
        }
        close |= other.close;
        return this;
    }

    private void add(Segment segment) {
        flushText();
        segments.add(segment);
    }

    private void flushText() {
        if (!pendingText.isEmpty()) {
            segments.add(new Text(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    /** Closes the connection after the answer (LOGOUT, BYE). */
    public ImapReply thenClose() {
        close = true;
        return this;
    }

    /** Starts TLS right after the answer, which is one tagged line (STARTTLS). */
    public ImapReply thenStartTls() {
        startTls = true;
        return this;
    }

    public boolean startTls() {
        return startTls;
    }

    public ImapReply thenContinue(Continuation continuation) {
        this.continuation = continuation;
        return this;
    }

    public List<Segment> segments() {
        flushText();
        return segments;
    }

    public boolean close() {
        return close;
    }

    public Continuation continuation() {
        return continuation;
    }
}
