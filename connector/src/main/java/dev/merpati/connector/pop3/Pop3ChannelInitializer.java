package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Sets up an accepted POP3 connection: TLS first on the POP3S port, the idle timeout, then the POP3
 * handler. The POP3 and POP3S listeners share one {@link MaildropLocks}.
 */
@Sharable
public final class Pop3ChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final Pop3Config config;
    private final MaildropLocks locks;
    private final boolean implicitTls;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final ListenerInvoker<MaildropListener> maildrop;

    /**
     * @param implicitTls whether connections speak TLS from the first byte (POP3S); needs {@code
     *     config.tls()}
     */
    public Pop3ChannelInitializer(
            Pop3Config config,
            MaildropLocks locks,
            boolean implicitTls,
            ListenerInvoker<AuthenticationListener> authentication,
            ListenerInvoker<MaildropListener> maildrop) {
        if (implicitTls && config.tls() == null) {
            throw new IllegalArgumentException("POP3S needs a TLS keystore");
        }
        this.config = config;
        this.locks = locks;
        this.implicitTls = implicitTls;
        this.authentication = authentication;
        this.maildrop = maildrop;
    }

    public Pop3ChannelInitializer(
            Pop3Config config,
            ListenerInvoker<AuthenticationListener> authentication,
            ListenerInvoker<MaildropListener> maildrop) {
        this(config, new MaildropLocks(), false, authentication, maildrop);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (implicitTls) {
            config.tls().addImplicit(channel.pipeline());
        }
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new Pop3ConnectionHandler(config, locks, authentication, maildrop));
    }
}
