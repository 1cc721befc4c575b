package dev.merpati.connector.ra;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.imap.ImapChannelInitializer;
import dev.merpati.connector.imap.ImapConfig;
import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.net.ClientNetworks;
import dev.merpati.connector.net.IoThreadFactory;
import dev.merpati.connector.net.NettyServer;
import dev.merpati.connector.net.ServerTls;
import dev.merpati.connector.pop3.MaildropLocks;
import dev.merpati.connector.pop3.Pop3ChannelInitializer;
import dev.merpati.connector.pop3.Pop3Config;
import dev.merpati.connector.smtp.ConnectionLimiter;
import dev.merpati.connector.smtp.SmtpChannelInitializer;
import dev.merpati.connector.smtp.SmtpConfig;
import dev.merpati.connector.smtp.SmtpListener;
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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
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
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        // the endpoints run as the user who logged in (CallerSecurityContext)
        requiredWorkContexts = jakarta.resource.spi.work.SecurityContext.class)
public class MerpatiResourceAdapter implements ResourceAdapter {

    private static final System.Logger LOG = System.getLogger(MerpatiResourceAdapter.class.getName());
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;
    /** Like Dovecot, a login from the machine itself is not sent over the network. */
    static final String DEFAULT_PLAINTEXT_AUTH_NETWORKS = "127.0.0.0/8, ::1/128";

    @ConfigProperty(description = "Host name in greetings; default: the machine's canonical host name")
    private String hostName;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the servers listen on")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "2525", description = "SMTP port; 0 or less disables SMTP")
    private Integer smtpPort = 2525;

    @ConfigProperty(
            defaultValue = "2587",
            description = "SMTP submission port (RFC 6409, AUTH required); 0 or less disables it")
    private Integer submissionPort = 2587;

    @ConfigProperty(
            defaultValue = "2465",
            description = "SMTP submission port with implicit TLS (RFC 8314); 0 or less, or no keystore, disables it")
    private Integer smtpsPort = 2465;

    @ConfigProperty(
            defaultValue = "" + ConnectionLimiter.DEFAULT_MAX_CONNECTIONS,
            description = "Open SMTP connections over all SMTP ports; more get 421; 0: no limit")
    private Integer smtpMaxConnections = ConnectionLimiter.DEFAULT_MAX_CONNECTIONS;

    @ConfigProperty(
            defaultValue = "" + ConnectionLimiter.DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
            description = "Open SMTP connections from one client address; more get 421; 0: no limit")
    private Integer smtpMaxConnectionsPerClient = ConnectionLimiter.DEFAULT_MAX_CONNECTIONS_PER_CLIENT;

    @ConfigProperty(
            defaultValue = "true",
            description = "On the submission ports, MAIL FROM must be the authenticated user's own address")
    private Boolean smtpRejectSenderLoginMismatch = true;

    @ConfigProperty(
            defaultValue = "false",
            description = "VRFY tells whether a local user exists (250 / 550 5.1.1); false: always 252")
    private Boolean smtpVrfy = false;

    @ConfigProperty(
            defaultValue = "2000",
            description = "Milliseconds a failed SMTP AUTH waits before its 535 reply (slows password guessing)")
    private Integer smtpAuthFailureDelay = (int) SmtpListener.DEFAULT_AUTH_FAILURE_DELAY.toMillis();

    @ConfigProperty(
            defaultValue = "" + SmtpListener.DEFAULT_MAX_AUTH_FAILURES,
            description = "Failed SMTP AUTH attempts in one session before 421 and disconnect")
    private Integer smtpAuthMaxFailures = SmtpListener.DEFAULT_MAX_AUTH_FAILURES;

    @ConfigProperty(defaultValue = "1110", description = "POP3 port; 0 or less disables POP3")
    private Integer pop3Port = 1110;

    @ConfigProperty(
            defaultValue = "1995",
            description = "POP3 over implicit TLS (POP3S) port; 0 or less, or no TLS keystore, disables it")
    private Integer pop3sPort = 1995;

    @ConfigProperty(defaultValue = "1143", description = "IMAP port (with STARTTLS); 0 or less disables IMAP")
    private Integer imapPort = 1143;

    @ConfigProperty(
            defaultValue = "1993",
            description = "IMAP over implicit TLS (IMAPS) port; 0 or less, or no TLS keystore, disables it")
    private Integer imapsPort = 1993;

    @ConfigProperty(defaultValue = "67108864", description = "Largest message accepted by SMTP, in octets")
    private Long maxMessageSize = SmtpConfig.DEFAULT_MAX_MESSAGE_SIZE;

    @ConfigProperty(defaultValue = "100", description = "Recipients accepted per SMTP transaction")
    private Integer smtpMaxRecipients = SmtpConfig.DEFAULT_MAX_RECIPIENTS;

    @ConfigProperty(
            defaultValue = SmtpConfig.DEFAULT_RELAY_NETWORKS,
            description = "Client networks (CIDR, comma-separated) that may relay without authenticating")
    private String relayNetworks = SmtpConfig.DEFAULT_RELAY_NETWORKS;

    @ConfigProperty(description = "Keystore (PKCS12 or JKS) with the server's TLS key and certificate; empty: no TLS")
    private String tlsKeystore;

    @ConfigProperty(description = "Password of the TLS keystore and its key", confidential = true)
    private String tlsKeystorePassword;

    @ConfigProperty(defaultValue = "PKCS12", description = "Type of the TLS keystore: PKCS12 or JKS")
    private String tlsKeystoreType = "PKCS12";

    @ConfigProperty(
            defaultValue = DEFAULT_PLAINTEXT_AUTH_NETWORKS,
            description = "Client networks (CIDR) that may log in without TLS (SMTP AUTH, POP3, IMAP); empty: none")
    private String plaintextAuthNetworks = DEFAULT_PLAINTEXT_AUTH_NETWORKS;

    @ConfigProperty(defaultValue = "2", description = "Network event-loop threads")
    private Integer ioThreads = 2;

    private final EndpointRegistry endpoints = new EndpointRegistry();
    private final MailboxEvents mailboxEvents = new MailboxEvents();
    private final List<NettyServer> servers = new ArrayList<>();
    private EventLoopGroup eventLoops;
    /** TLS for STARTTLS and the implicit-TLS ports; null when no keystore is configured. */
    private ServerTls tls;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        WorkManager workManager = context.getWorkManager();
        String name = effectiveHostName();
        tls = loadTls();
        eventLoops = new MultiThreadIoEventLoopGroup(
                Math.max(1, ioThreads),
                new IoThreadFactory(MerpatiResourceAdapter.class.getClassLoader()),
                NioIoHandler.newFactory());
        try {
            bindSmtp(name, workManager);
            startPop3(workManager);
            startImap(workManager);
        } catch (Exception e) {
            stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ResourceAdapterInternalException("cannot start the mail servers: " + e, e);
        }
    }

    private static int valueOr(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** The MX, submission and implicit-TLS submission ports, sharing one connection limit. */
    private void bindSmtp(String name, WorkManager workManager) throws InterruptedException {
        var smtp = SmtpConfig.defaults(name)
                .withMaxMessageSize(maxMessageSize)
                .withMaxRecipients(smtpMaxRecipients)
                .withRelayNetworks(ClientNetworks.parse(relayNetworks))
                .withVrfy(Boolean.TRUE.equals(smtpVrfy));
        var receiver = invoker(MailReceiverListener.class, workManager);
        var authentication = invoker(AuthenticationListener.class, workManager);
        var limiter = new ConnectionLimiter(smtpMaxConnections, smtpMaxConnectionsPerClient);
        boolean senderCheck = !Boolean.FALSE.equals(smtpRejectSenderLoginMismatch);
        Duration authDelay = Duration.ofMillis(
                Math.max(0, valueOr(smtpAuthFailureDelay, (int) SmtpListener.DEFAULT_AUTH_FAILURE_DELAY.toMillis())));
        int authMax = Math.max(1, valueOr(smtpAuthMaxFailures, SmtpListener.DEFAULT_MAX_AUTH_FAILURES));
        if (smtpPort > 0) {
            bind("smtp", smtpPort, new SmtpChannelInitializer(smtp, SmtpListener.mx(tls), receiver, null, limiter));
        }
        if (submissionPort > 0) {
            var submission = SmtpListener.submission(
                            SmtpListener.Role.SUBMISSION, tls, plaintextAuthClients(), senderCheck)
                    .withAuthFailures(authDelay, authMax);
            bind(
                    "submission",
                    submissionPort,
                    new SmtpChannelInitializer(smtp, submission, receiver, authentication, limiter));
        }
        if (smtpsPort > 0 && tls != null) {
            var submissions = SmtpListener.submission(
                            SmtpListener.Role.SUBMISSIONS, tls, plaintextAuthClients(), senderCheck)
                    .withAuthFailures(authDelay, authMax);
            bind(
                    "submissions",
                    smtpsPort,
                    new SmtpChannelInitializer(smtp, submissions, receiver, authentication, limiter));
        }
    }

    private void startPop3(WorkManager workManager) throws InterruptedException {
        Pop3Config config = Pop3Config.defaults().withTls(tls).withPlaintextAuthClients(plaintextAuthClients());
        var authentication = invoker(AuthenticationListener.class, workManager);
        var maildrop = invoker(MaildropListener.class, workManager);
        // One lock table for both ports: a maildrop open over POP3 is in use for POP3S too.
        var locks = new MaildropLocks();
        if (pop3Port > 0) {
            bind("pop3", pop3Port, new Pop3ChannelInitializer(config, locks, false, authentication, maildrop));
        }
        if (pop3sPort > 0 && tls == null) {
            LOG.log(System.Logger.Level.WARNING, "POP3S port " + pop3sPort + " not opened: no TLS keystore");
        } else if (pop3sPort > 0) {
            bind("pop3s", pop3sPort, new Pop3ChannelInitializer(config, locks, true, authentication, maildrop));
        }
    }

    private void startImap(WorkManager workManager) throws InterruptedException {
        ImapConfig config = ImapConfig.defaults(maxMessageSize).withTls(tls, plaintextAuthClients());
        var authentication = invoker(AuthenticationListener.class, workManager);
        var mailbox = invoker(MailboxListener.class, workManager);
        if (imapPort > 0) {
            bind("imap", imapPort, new ImapChannelInitializer(config, false, authentication, mailbox, mailboxEvents));
        }
        if (imapsPort > 0 && tls == null) {
            LOG.log(System.Logger.Level.WARNING, "IMAPS port " + imapsPort + " not opened: no TLS keystore");
        } else if (imapsPort > 0) {
            bind("imaps", imapsPort, new ImapChannelInitializer(config, true, authentication, mailbox, mailboxEvents));
        }
    }

    private ServerTls loadTls() throws ResourceAdapterInternalException {
        if (tlsKeystore == null || tlsKeystore.isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "No TLS keystore configured (tlsKeystore): TLS is off");
            return null;
        }
        try {
            char[] password = tlsKeystorePassword == null ? new char[0] : tlsKeystorePassword.toCharArray();
            return ServerTls.fromKeystore(Path.of(tlsKeystore), password, tlsKeystoreType);
        } catch (IOException | GeneralSecurityException e) {
            throw new ResourceAdapterInternalException("cannot load the TLS keystore " + tlsKeystore + ": " + e, e);
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

    public String getTlsKeystore() {
        return tlsKeystore;
    }

    public void setTlsKeystore(String tlsKeystore) {
        this.tlsKeystore = tlsKeystore;
    }

    public String getTlsKeystorePassword() {
        return tlsKeystorePassword;
    }

    public void setTlsKeystorePassword(String tlsKeystorePassword) {
        this.tlsKeystorePassword = tlsKeystorePassword;
    }

    public String getTlsKeystoreType() {
        return tlsKeystoreType;
    }

    public void setTlsKeystoreType(String tlsKeystoreType) {
        this.tlsKeystoreType = tlsKeystoreType;
    }

    public String getPlaintextAuthNetworks() {
        return plaintextAuthNetworks;
    }

    public void setPlaintextAuthNetworks(String plaintextAuthNetworks) {
        this.plaintextAuthNetworks = plaintextAuthNetworks;
    }

    /** Clients that may send a password over a connection without TLS. */
    ClientNetworks plaintextAuthClients() {
        return ClientNetworks.parse(plaintextAuthNetworks == null ? "" : plaintextAuthNetworks);
    }

    public String getRelayNetworks() {
        return relayNetworks;
    }

    public void setRelayNetworks(String relayNetworks) {
        this.relayNetworks = relayNetworks;
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

    public Integer getSubmissionPort() {
        return submissionPort;
    }

    public void setSubmissionPort(Integer submissionPort) {
        this.submissionPort = submissionPort;
    }

    public Integer getSmtpsPort() {
        return smtpsPort;
    }

    public void setSmtpsPort(Integer smtpsPort) {
        this.smtpsPort = smtpsPort;
    }

    public Integer getSmtpMaxConnections() {
        return smtpMaxConnections;
    }

    public void setSmtpMaxConnections(Integer smtpMaxConnections) {
        this.smtpMaxConnections = smtpMaxConnections;
    }

    public Integer getSmtpMaxConnectionsPerClient() {
        return smtpMaxConnectionsPerClient;
    }

    public void setSmtpMaxConnectionsPerClient(Integer smtpMaxConnectionsPerClient) {
        this.smtpMaxConnectionsPerClient = smtpMaxConnectionsPerClient;
    }

    public Boolean getSmtpVrfy() {
        return smtpVrfy;
    }

    public void setSmtpVrfy(Boolean smtpVrfy) {
        this.smtpVrfy = smtpVrfy;
    }

    public Integer getSmtpAuthFailureDelay() {
        return smtpAuthFailureDelay;
    }

    public void setSmtpAuthFailureDelay(Integer smtpAuthFailureDelay) {
        this.smtpAuthFailureDelay = smtpAuthFailureDelay;
    }

    public Integer getSmtpAuthMaxFailures() {
        return smtpAuthMaxFailures;
    }

    public void setSmtpAuthMaxFailures(Integer smtpAuthMaxFailures) {
        this.smtpAuthMaxFailures = smtpAuthMaxFailures;
    }

    public Boolean getSmtpRejectSenderLoginMismatch() {
        return smtpRejectSenderLoginMismatch;
    }

    public void setSmtpRejectSenderLoginMismatch(Boolean smtpRejectSenderLoginMismatch) {
        this.smtpRejectSenderLoginMismatch = smtpRejectSenderLoginMismatch;
    }

    public Integer getPop3Port() {
        return pop3Port;
    }

    public void setPop3Port(Integer pop3Port) {
        this.pop3Port = pop3Port;
    }

    public Integer getPop3sPort() {
        return pop3sPort;
    }

    public void setPop3sPort(Integer pop3sPort) {
        this.pop3sPort = pop3sPort;
    }

    public Integer getImapPort() {
        return imapPort;
    }

    public void setImapPort(Integer imapPort) {
        this.imapPort = imapPort;
    }

    public Integer getImapsPort() {
        return imapsPort;
    }

    public void setImapsPort(Integer imapsPort) {
        this.imapsPort = imapsPort;
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
