package dev.merpati.connector.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;

/** One listening socket and the connections it accepted. */
public final class NettyServer implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Channel listener;
    private final ChannelGroup connections;

    private NettyServer(String name, Channel listener, ChannelGroup connections) {
        this.name = name;
        this.listener = listener;
        this.connections = connections;
    }

    /**
     * Binds {@code address} and serves each accepted connection with the handlers that {@code
     * connectionInitializer} (a sharable {@code ChannelInitializer}) installs.
     */
    public static NettyServer bind(
            String name, EventLoopGroup group, InetSocketAddress address, ChannelHandler connectionInitializer)
            throws InterruptedException {
        ChannelGroup connections = new DefaultChannelGroup(name, GlobalEventExecutor.INSTANCE);
        Channel listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline().addLast(connectionInitializer);
                    }
                })
                .bind(address)
                .sync()
                .channel();
        return new NettyServer(name, listener, connections);
    }

    public String name() {
        return name;
    }

    /** The bound port, useful when bound to port 0. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops accepting, then closes the open connections; waits a bounded time for both. */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly(CLOSE_WAIT.toMillis());
        connections.close().awaitUninterruptibly(CLOSE_WAIT.toMillis());
    }
}
