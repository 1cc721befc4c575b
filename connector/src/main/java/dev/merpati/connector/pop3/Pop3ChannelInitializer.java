package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Sets up an accepted POP3 connection: idle timeout, then the POP3 handler. */
@Sharable
public final class Pop3ChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final Pop3Config config;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final ListenerInvoker<MaildropListener> maildrop;

    public Pop3ChannelInitializer(
            Pop3Config config,
            ListenerInvoker<AuthenticationListener> authentication,
            ListenerInvoker<MaildropListener> maildrop) {
        this.config = config;
        this.authentication = authentication;
        this.maildrop = maildrop;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new Pop3ConnectionHandler(config, authentication, maildrop));
    }
}
