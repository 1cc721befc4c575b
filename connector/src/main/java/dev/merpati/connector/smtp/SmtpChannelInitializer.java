package dev.merpati.connector.smtp;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Sets up an accepted SMTP connection: implicit TLS where the port has it, idle timeout, the SMTP handler. */
@Sharable
public final class SmtpChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final SmtpConfig config;
    private final SmtpListener listener;
    private final ListenerInvoker<MailReceiverListener> receiver;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final ConnectionLimiter limiter;

    /** An MX port without TLS and without connection limits. */
    public SmtpChannelInitializer(SmtpConfig config, ListenerInvoker<MailReceiverListener> receiver) {
        this(config, SmtpListener.mx(null), receiver, null, ConnectionLimiter.unlimited());
    }

    /**
     * @param authentication checks AUTH logins; may be {@code null} on an MX port
     * @param limiter shared by all SMTP ports
     */
    public SmtpChannelInitializer(
            SmtpConfig config,
            SmtpListener listener,
            ListenerInvoker<MailReceiverListener> receiver,
            ListenerInvoker<AuthenticationListener> authentication,
            ConnectionLimiter limiter) {
        if (listener.implicitTls() && listener.tls() == null) {
            throw new IllegalArgumentException("implicit TLS needs a TLS keystore");
        }
        this.config = config;
        this.listener = listener;
        this.receiver = receiver;
        this.authentication = authentication;
        this.limiter = limiter;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        String client = SmtpConnectionHandler.clientAddress(channel.remoteAddress());
        boolean admitted = limiter.acquire(client);
        channel.closeFuture().addListener(closed -> limiter.release(client));
        if (listener.implicitTls()) {
            listener.tls().addImplicit(channel.pipeline());
        }
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new SmtpConnectionHandler(config, listener, receiver, authentication, admitted));
    }
}
