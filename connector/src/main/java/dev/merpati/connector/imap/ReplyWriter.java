package dev.merpati.connector.imap;

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
}
