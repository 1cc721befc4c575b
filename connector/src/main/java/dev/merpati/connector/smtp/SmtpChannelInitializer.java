package dev.merpati.connector.smtp;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Sets up an accepted SMTP connection: idle timeout, then the SMTP handler. */
@Sharable
public final class SmtpChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final SmtpConfig config;
    private final ListenerInvoker<MailReceiverListener> receiver;

    public SmtpChannelInitializer(SmtpConfig config, ListenerInvoker<MailReceiverListener> receiver) {
        this.config = config;
        this.receiver = receiver;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new SmtpConnectionHandler(config, receiver));
    }
}
