package dev.merpati.connector.imap;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.imap.codec.MailboxNames;
import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Sets up an accepted IMAP connection: TLS first on the IMAPS port, the idle timeout, then the IMAP handler. */
@Sharable
public final class ImapChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ImapConfig config;
    private final boolean implicitTls;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final ListenerInvoker<MailboxListener> mailbox;
    private final MailboxEvents events;

    /** @param implicitTls whether connections speak TLS from the first byte (IMAPS); needs {@code config.tls()} */
    public ImapChannelInitializer(
            ImapConfig config,
            boolean implicitTls,
            ListenerInvoker<AuthenticationListener> authentication,
            ListenerInvoker<MailboxListener> mailbox,
            MailboxEvents events) {
        if (implicitTls && config.tls() == null) {
            throw new IllegalArgumentException("IMAPS needs a TLS keystore");
        }
        this.config = config;
        this.implicitTls = implicitTls;
        this.authentication = authentication;
        this.mailbox = MailboxNames.translating(mailbox);
        this.events = events;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (implicitTls) {
            config.tls().addImplicit(channel.pipeline());
        }
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new ImapConnectionHandler(config, authentication, mailbox, events));
    }
}
