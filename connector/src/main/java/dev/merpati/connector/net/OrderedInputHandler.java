package dev.merpati.connector.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Feeds a connection's input to the protocol one frame at a time, strictly in order, which is what
 * command pipelining needs. While a frame's work is in flight (a listener call, a streamed response)
 * the channel stops reading and the bytes already received wait here; reading resumes once the
 * work has completed and the peer is taking our output again.
 *
 * <p>Everything runs on the channel's event loop; completions of off-loop work are brought back to
 * it.
 */
public abstract class OrderedInputHandler extends ChannelInboundHandlerAdapter {

    private ChannelHandlerContext ctx;
    private ByteBuf input = Unpooled.EMPTY_BUFFER;
    private boolean busy;
    private boolean closing;

    /** Called once when the connection opens, e.g. to write the greeting. */
    protected abstract void connected();

    /**
     * Consumes at most one frame (a command line, a piece of message data) from {@code in}.
     *
     * @return whether anything was consumed; {@code false} means more input is needed
     */
    protected abstract boolean processInput(ByteBuf in);

    /** Called once when the connection is gone, after any work in flight was handed off. */
    protected abstract void disconnected();

    /** The idle timeout expired: typically write a last reply and {@link #closeAfter close}. */
    protected abstract void idleTimeout();

    /** Called when the peer takes our output again after it stopped; streamed responses resume here. */
    protected void writable() {}

    protected final ChannelHandlerContext context() {
        return ctx;
    }

    /** Writes one reply line (CRLF is added); {@link #drain} and completions flush. */
    protected final void writeLine(String line) {
        ctx.write(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.UTF_8));
    }

    /**
     * Upgrades the connection to TLS (STARTTLS, STLS): {@code reply} goes out in the clear, everything
     * after it is encrypted. Input the client sent behind the command before the handshake is
     * discarded unread, so a command injected there can never run (RFC 3207 §4.2, RFC 2595 §3.1);
     * the protocol must also forget what it knew of the client (its state is reset by the caller).
     * A failed handshake ends the connection.
     */
    protected final void startTls(ServerTls tls, String reply) {
        input.skipBytes(input.readableBytes());
        ctx.pipeline().addFirst(ServerTls.HANDLER_NAME, tls.newHandler(ctx.alloc(), true));
        writeLine(reply);
    }

    /** Writes a last reply, then closes the connection; no further input is processed. */
    protected final void closeAfter(String line) {
        closing = true;
        ctx.writeAndFlush(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.UTF_8))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Runs {@code then} on the event loop once {@code work} completes (also when the connection has
     * gone meanwhile, so it can release what the work held). Work already complete is handled at
     * once; otherwise input is paused until then.
     */
    protected final <T> void await(CompletionStage<T> work, BiConsumer<? super T, ? super Throwable> then) {
        CompletableFuture<T> future = work.toCompletableFuture();
        if (future.isDone()) {
            T value = null;
            Throwable error = null;
            try {
                value = future.join();
            } catch (CompletionException | CancellationException e) {
                error = e.getCause() != null ? e.getCause() : e;
            }
            then.accept(value, error);
            return;
        }
        busy = true;
        // Always through execute(): never resumed re-entrantly inside the code that started the work.
        future.whenComplete((value, error) -> ctx.executor().execute(() -> resume(value, error, then)));
    }

    private <T> void resume(T value, Throwable error, BiConsumer<? super T, ? super Throwable> then) {
        busy = false;
        then.accept(value, error);
        if (ctx.channel().isActive()) {
            drain();
        } else {
            ctx.flush();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connected();
        ctx.flush();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            bytes.release();
            return;
        }
        input = ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), input, bytes);
        drain();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            writable();
            drain();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && !closing) {
            idleTimeout();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closing = true;
        releaseInput();
        disconnected();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseInput();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // I/O errors (connection reset) end the session; there is nobody left to answer.
        ctx.close();
    }

    /** Processes buffered frames until one goes asynchronous, input runs out, or the peer stops reading. */
    protected final void drain() {
        while (!busy && !closing && input.isReadable() && ctx.channel().isWritable()) {
            if (!processInput(input)) {
                break;
            }
        }
        if (input.isReadable()) {
            input.discardSomeReadBytes();
        } else if (input != Unpooled.EMPTY_BUFFER) {
            input.release();
            input = Unpooled.EMPTY_BUFFER;
        }
        ctx.flush();
        if (!closing) {
            ctx.channel().config().setAutoRead(!busy && ctx.channel().isWritable());
        }
    }

    private void releaseInput() {
        if (input != Unpooled.EMPTY_BUFFER) {
            input.release();
            input = Unpooled.EMPTY_BUFFER;
        }
    }
}
