package dev.merpati.connector.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A server on an ephemeral loopback port, its event loop and a worker pool for listener calls. */
public final class TestServers implements AutoCloseable {

    private final EventLoopGroup group =
            new MultiThreadIoEventLoopGroup(1, new IoThreadFactory(), NioIoHandler.newFactory());
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-listener");
        thread.setDaemon(true);
        return thread;
    });
    private NettyServer server;

    /** Where listener calls run: another thread, as with the WorkManager. */
    public ExecutorService workers() {
        return workers;
    }

    public int start(ChannelHandler initializer) throws InterruptedException {
        server = NettyServer.bind("test", group, new InetSocketAddress("127.0.0.1", 0), initializer);
        return server.port();
    }

    /** The port of the last started server. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        workers.shutdownNow();
    }
}
