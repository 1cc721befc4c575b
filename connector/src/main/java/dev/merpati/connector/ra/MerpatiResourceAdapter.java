package dev.merpati.connector.ra;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.imap.ImapChannelInitializer;
import dev.merpati.connector.imap.ImapConfig;
import dev.merpati.connector.imap.MailboxEvents;
import dev.merpati.connector.net.IoThreadFactory;
import dev.merpati.connector.net.NettyServer;
import dev.merpati.connector.pop3.Pop3ChannelInitializer;
import dev.merpati.connector.pop3.Pop3Config;
import dev.merpati.connector.smtp.SmtpChannelInitializer;
import dev.merpati.connector.smtp.SmtpConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;

/**
 * The Merpati resource adapter: owns the mail protocol sockets and hands each command's mail work to
 * the message-driven beans that implement the listener interfaces.
 *
 * <p>The config property names are a contract with the provisioning scripts and the README.
 */
@Connector(
        displayName = "Merpati",
        vendorName = "Merpati",
        eisType = "Internet mail",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class MerpatiResourceAdapter implements ResourceAdapter {

    private static final System.Logger LOG = System.getLogger(MerpatiResourceAdapter.class.getName());
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    @ConfigProperty(description = "Host name in greetings; default: the machine's canonical host name")
    private String hostName;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the servers listen on")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "2525", description = "SMTP port; 0 or less disables SMTP")
    private Integer smtpPort = 2525;

    @ConfigProperty(defaultValue = "1110", description = "POP3 port; 0 or less disables POP3")
    private Integer pop3Port = 1110;

    @ConfigProperty(defaultValue = "1143", description = "IMAP port; 0 or less disables IMAP")
    private Integer imapPort = 1143;

    @ConfigProperty(
            defaultValue = "true",
            description = "Whether IMAP LOGIN and AUTHENTICATE PLAIN are allowed without TLS")
    private Boolean imapAllowPlaintext = true;

    @ConfigProperty(defaultValue = "67108864", description = "Largest message accepted by SMTP, in octets")
    private Long maxMessageSize = SmtpConfig.DEFAULT_MAX_MESSAGE_SIZE;

    @ConfigProperty(defaultValue = "100", description = "Recipients accepted per SMTP transaction")
    private Integer smtpMaxRecipients = SmtpConfig.DEFAULT_MAX_RECIPIENTS;

    @ConfigProperty(defaultValue = "2", description = "Network event-loop threads")
    private Integer ioThreads = 2;

    private final EndpointRegistry endpoints = new EndpointRegistry();
    private final MailboxEvents mailboxEvents = new MailboxEvents();
    private final List<NettyServer> servers = new ArrayList<>();
    private EventLoopGroup eventLoops;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        WorkManager workManager = context.getWorkManager();
        String name = effectiveHostName();
        eventLoops = new MultiThreadIoEventLoopGroup(
                Math.max(1, ioThreads),
                new IoThreadFactory(MerpatiResourceAdapter.class.getClassLoader()),
                NioIoHandler.newFactory());
        try {
            if (smtpPort > 0) {
                var smtp = SmtpConfig.defaults(name)
                        .withMaxMessageSize(maxMessageSize)
                        .withMaxRecipients(smtpMaxRecipients);
                bind(
                        "smtp",
                        smtpPort,
                        new SmtpChannelInitializer(smtp, invoker(MailReceiverListener.class, workManager)));
            }
            if (pop3Port > 0) {
                bind(
                        "pop3",
                        pop3Port,
                        new Pop3ChannelInitializer(
                                Pop3Config.defaults(),
                                invoker(AuthenticationListener.class, workManager),
                                invoker(MaildropListener.class, workManager)));
            }
            if (imapPort > 0) {
                ImapConfig imap = ImapConfig.defaults(maxMessageSize).withAllowPlaintextLogin(imapAllowPlaintext);
                bind(
                        "imap",
                        imapPort,
                        new ImapChannelInitializer(
                                imap,
                                invoker(AuthenticationListener.class, workManager),
                                invoker(MailboxListener.class, workManager),
                                mailboxEvents));
            }
        } catch (Exception e) {
            stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ResourceAdapterInternalException("cannot start the mail servers: " + e, e);
        }
    }

    private void bind(String protocol, int port, ChannelHandler initializer) throws InterruptedException {
        NettyServer server =
                NettyServer.bind(protocol, eventLoops, new InetSocketAddress(bindAddress, port), initializer);
        servers.add(server);
        LOG.log(
                System.Logger.Level.INFO,
                protocol.toUpperCase(Locale.ROOT) + " listening on " + bindAddress + ":" + server.port());
    }

    private <L> EndpointInvoker<L> invoker(Class<L> listenerType, WorkManager workManager) {
        return new EndpointInvoker<>(listenerType, endpoints, workManager);
    }

    @Override
    public void stop() {
        for (NettyServer server : servers) {
            server.close();
        }
        servers.clear();
        if (eventLoops != null) {
            eventLoops
                    .shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
            eventLoops = null;
        }
        endpoints.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        endpoints.activate(factory, spec);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        endpoints.deactivate(factory, spec);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    private String effectiveHostName() {
        if (hostName == null || hostName.isBlank()) {
            hostName = localHostName();
        }
        return hostName;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException | SecurityException e) {
            return "localhost";
        }
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getSmtpPort() {
        return smtpPort;
    }

    public void setSmtpPort(Integer smtpPort) {
        this.smtpPort = smtpPort;
    }

    public Integer getPop3Port() {
        return pop3Port;
    }

    public void setPop3Port(Integer pop3Port) {
        this.pop3Port = pop3Port;
    }

    public Integer getImapPort() {
        return imapPort;
    }

    public void setImapPort(Integer imapPort) {
        this.imapPort = imapPort;
    }

    public Boolean getImapAllowPlaintext() {
        return imapAllowPlaintext;
    }

    public void setImapAllowPlaintext(Boolean imapAllowPlaintext) {
        this.imapAllowPlaintext = imapAllowPlaintext;
    }

    /** Where IMAP sessions wait for changes; the outbound connection signals deliveries here. */
    public MailboxEvents mailboxEvents() {
        return mailboxEvents;
    }

    public Long getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Integer getSmtpMaxRecipients() {
        return smtpMaxRecipients;
    }

    public void setSmtpMaxRecipients(Integer smtpMaxRecipients) {
        this.smtpMaxRecipients = smtpMaxRecipients;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }
}
