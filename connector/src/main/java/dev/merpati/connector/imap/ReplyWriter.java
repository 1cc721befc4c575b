package dev.merpati.connector.imap;

import dev.merpati.connector.api.TransferDecoder;
import dev.merpati.connector.imap.codec.ImapReply;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes one {@link ImapReply}: text at once, message octets chunk by chunk. At most one chunk is
 * held; the next is read only when the channel takes output again, so memory per connection stays at
 * about one chunk plus the write buffer whatever the message sizes. Runs on the event loop; the
 * reader's futures complete there.
 */
final class ReplyWriter {

    /** Reads up to {@code length} octets of a message from {@code offset}. */
    interface OctetReader {
        CompletionStage<byte[]> read(long messageId, long offset, int length);
    }

    private final ChannelHandlerContext ctx;
    private final OctetReader reader;
    private final int chunkSize;
    private final List<ImapReply.Segment> segments;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int index;
    private long sent;
    private boolean reading;
    private boolean pumping;
    private boolean pumpAgain;
    /** For a {@link ImapReply.Decoded} segment: its decoder and how far it got. */
    private TransferDecoder decoder;

    private long decodedSeen;
    private long decodedSent;

    ReplyWriter(ChannelHandlerContext ctx, OctetReader reader, int chunkSize, ImapReply reply) {
        this.ctx = ctx;
        this.reader = reader;
        this.chunkSize = chunkSize;
        this.segments = reply.segments();
    }

    CompletableFuture<Void> start() {
        pump();
        return done;
    }

    void writable() {
        pump();
    }

    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
    }

    private void pumpOnce() {
        while (!done.isDone() && !reading) {
            if (!ctx.channel().isActive()) {
                done.completeExceptionally(new ClosedChannelException());
                return;
            }
            if (index >= segments.size()) {
                ctx.flush();
                done.complete(null);
                return;
            }
            ImapReply.Segment segment = segments.get(index);
            if (segment instanceof ImapReply.Text text) {
                ctx.write(Unpooled.wrappedBuffer(text.text().getBytes(StandardCharsets.UTF_8)));
                index++;
                continue;
            }
            if (segment instanceof ImapReply.Bytes bytes) {
                ctx.write(Unpooled.wrappedBuffer(bytes.bytes()));
                index++;
                continue;
            }
            if (segment instanceof ImapReply.Decoded decoded) {
                if (!pumpDecoded(decoded)) {
                    return;
                }
                continue;
            }
            ImapReply.Octets octets = (ImapReply.Octets) segment;
            if (sent >= octets.length()) {
                sent = 0;
                index++;
                continue;
            }
            if (!ctx.channel().isWritable()) {
                ctx.flush();
                return; // writable() resumes
            }
            reading = true;
            int length = (int) Math.min(chunkSize, octets.length() - sent);
            reader.read(octets.messageId(), octets.offset() + sent, length).whenComplete((chunk, error) -> {
                reading = false;
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                if (chunk == null || chunk.length == 0) {
                    // The message is shorter than announced: the literal cannot be completed.
                    done.completeExceptionally(new IllegalStateException("message ended early"));
                    return;
                }
                sent += chunk.length;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(chunk));
                pump();
            });
        }
    }

    /**
     * One step of a decoded segment: read and decode the next chunk, or finish.
     *
     * @return false when the pump must wait for the channel to become writable
     */
    private boolean pumpDecoded(ImapReply.Decoded decoded) {
        if (decoder == null) {
            decoder = TransferDecoder.forEncoding(decoded.encoding());
            sent = 0;
            decodedSeen = 0;
            decodedSent = 0;
        }
        if (decodedSent >= decoded.take() || sent >= decoded.length()) {
            emit(decoded, decoder.finish());
            boolean complete = decodedSent >= decoded.take();
            decoder = null;
            sent = 0;
            if (!complete) {
                // The stored part decodes shorter than counted at FETCH time: the literal cannot be completed.
                done.completeExceptionally(new IllegalStateException("decoded part ended early"));
                return true;
            }
            ctx.flush();
            index++;
            return true;
        }
        if (!ctx.channel().isWritable()) {
            ctx.flush();
            return false; // writable() resumes
        }
        reading = true;
        int length = (int) Math.min(chunkSize, decoded.length() - sent);
        reader.read(decoded.messageId(), decoded.offset() + sent, length).whenComplete((chunk, error) -> {
            reading = false;
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            if (chunk == null || chunk.length == 0) {
                done.completeExceptionally(new IllegalStateException("message ended early"));
                return;
            }
            sent += chunk.length;
            emit(decoded, decoder.decode(chunk, 0, chunk.length));
            ctx.flush();
            pump();
        });
        return true;
    }

    /** Writes the part of freshly decoded octets that falls in the segment's window. */
    private void emit(ImapReply.Decoded decoded, byte[] octets) {
        long from = Math.max(decoded.skip() - decodedSeen, 0);
        long to = Math.min(octets.length, decoded.skip() + decoded.take() - decodedSeen);
        decodedSeen += octets.length;
        if (to > from) {
            ctx.write(Unpooled.wrappedBuffer(octets, (int) from, (int) (to - from)));
            decodedSent += to - from;
        }
    }
}
