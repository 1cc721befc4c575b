package dev.merpati.connector.net;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the network event-loop threads {@code merpati-io-N}; daemon threads. */
public final class IoThreadFactory implements ThreadFactory {

    private final AtomicInteger counter = new AtomicInteger();
    private final ClassLoader contextClassLoader;

    /** Threads get the given context class loader (the adapter's), not the one of whoever starts them. */
    public IoThreadFactory(ClassLoader contextClassLoader) {
        this.contextClassLoader = contextClassLoader;
    }

    public IoThreadFactory() {
        this(IoThreadFactory.class.getClassLoader());
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new FastThreadLocalThread(task, "merpati-io-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(contextClassLoader);
        return thread;
    }
}
