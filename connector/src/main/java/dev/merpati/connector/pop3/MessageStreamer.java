package dev.merpati.connector.pop3;

import dev.merpati.connector.net.DotStuffer;
import io.netty.channel.ChannelHandlerContext;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;

/**
 * Streams one message as a multi-line response, chunk by chunk, byte-stuffed, ending with ".".
 *
 * <p>Back-pressure: at most one chunk is held here. The next chunk is read while the previous one is
 * being sent; a chunk that arrives while the channel is not writable waits for {@link #writable}.
 * So memory per connection stays at about one chunk plus the channel's write buffer high-water mark,
 * whatever the message size. Runs on the event loop; {@code reader} futures complete there.
 */
final class MessageStreamer {

    private final ChannelHandlerContext ctx;
    private final LongFunction<CompletionStage<byte[]>> reader;
    private final long size;
    private final ContentFilter filter;
    private final DotStuffer stuffer = new DotStuffer();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private byte[] pending;
    private long nextOffset;
    private boolean reading;
    private boolean endOfContent;
    private boolean pumping;
    private boolean pumpAgain;

    /**
     * @param reader reads the chunk at an offset; an empty array means the end
     * @param size the message size, after which no more is read
     */
    MessageStreamer(
            ChannelHandlerContext ctx, LongFunction<CompletionStage<byte[]>> reader, long size, ContentFilter filter) {
        this.ctx = ctx;
        this.reader = reader;
        this.size = size;
        this.filter = filter;
    }

    /** Starts with the chunk at offset 0; completes when the terminating "." is written. */
    CompletableFuture<Void> start(byte[] firstChunk) {
        accept(firstChunk);
        return done;
    }

    /** The channel is writable again. */
    void writable() {
        pump();
    }

    private void accept(byte[] chunk) {
        reading = false;
        if (chunk.length == 0) {
            endOfContent = true;
        } else {
            pending = chunk;
            nextOffset += chunk.length;
            endOfContent = nextOffset >= size;
        }
        pump();
    }

    /**
     * Writing a chunk can change the channel's writability within the write itself, which calls
     * {@link #writable} back: such a nested call only asks the running pump to go round once more.
     */
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
        if (done.isDone()) {
            return;
        }
        if (!ctx.channel().isActive()) {
            done.completeExceptionally(new ClosedChannelException());
            return;
        }
        if (pending != null && ctx.channel().isWritable()) {
            byte[] chunk = pending;
            pending = null;
            int length = filter.accept(chunk);
            endOfContent |= filter.done();
            ctx.writeAndFlush(stuffer.stuff(ctx.alloc(), chunk, 0, length));
        }
        if (pending == null && !reading) {
            if (endOfContent) {
                ctx.writeAndFlush(stuffer.terminator(ctx.alloc()));
                done.complete(null);
            } else {
                reading = true;
                reader.apply(nextOffset).whenComplete((chunk, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        accept(chunk == null ? new byte[0] : chunk);
                    }
                });
            }
        }
    }
}
