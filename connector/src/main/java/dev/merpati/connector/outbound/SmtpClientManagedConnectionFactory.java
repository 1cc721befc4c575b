package dev.merpati.connector.outbound;

import dev.merpati.connector.api.SmtpClientConnection;
import dev.merpati.connector.api.SmtpClientConnectionFactory;
import dev.merpati.connector.ra.MerpatiResourceAdapter;
import dev.merpati.connector.ra.StatelessManagedConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import javax.security.auth.Subject;

/** Creates the connections that deliver mail to other SMTP servers. */
@ConnectionDefinition(
        connectionFactory = SmtpClientConnectionFactory.class,
        connectionFactoryImpl = SmtpClientFactory.class,
        connection = SmtpClientConnection.class,
        connectionImpl = SmtpClientConnectionHandle.class)
public class SmtpClientManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(
            defaultValue = "30",
            description = "Seconds to wait for a TCP connection (Postfix's smtp_connect_timeout)")
    private Integer connectTimeout = 30;

    @ConfigProperty(
            defaultValue = "300",
            description = "Seconds to wait for the greeting, the EHLO/HELO and STARTTLS replies (smtp_helo_timeout)")
    private Integer heloTimeout = 300;

    @ConfigProperty(defaultValue = "300", description = "Seconds to wait for the MAIL FROM reply (smtp_mail_timeout)")
    private Integer mailTimeout = 300;

    @ConfigProperty(defaultValue = "300", description = "Seconds to wait for each RCPT TO reply (smtp_rcpt_timeout)")
    private Integer rcptTimeout = 300;

    @ConfigProperty(defaultValue = "120", description = "Seconds to wait for the DATA reply (smtp_data_init_timeout)")
    private Integer dataInitTimeout = 120;

    @ConfigProperty(
            defaultValue = "600",
            description = "Seconds to wait for the reply to the end of the data (smtp_data_done_timeout)")
    private Integer dataDoneTimeout = 600;

    @ConfigProperty(defaultValue = "300", description = "Seconds to wait for the QUIT reply (smtp_quit_timeout)")
    private Integer quitTimeout = 300;

    @ConfigProperty(description = "User name for AUTH at the relay host (smtp_sasl_password_maps); none: no AUTH")
    private String relayUsername;

    @ConfigProperty(description = "Password for AUTH at the relay host", confidential = true)
    private String relayPassword;

    @ConfigProperty(
            description = "Trust store (PKCS12 or JKS) the relay host's certificate must lead to before AUTH;"
                    + " none: the JVM's default trust store")
    private String relayTrustStore;

    @ConfigProperty(description = "Password of relayTrustStore, if it has one", confidential = true)
    private String relayTrustStorePassword;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    /** The trust store loaded last; loaded again when the file changes. */
    private transient volatile LoadedTrust loadedTrust;

    /** A trust store and the version of the file it came from (path and modification time). */
    private record LoadedTrust(String version, RelayTls trust) {}

    SmtpClient client() {
        String heloName = resourceAdapter instanceof MerpatiResourceAdapter merpati && merpati.getHostName() != null
                ? merpati.getHostName()
                : "localhost";
        return new SmtpClient(heloName, timeouts());
    }

    ClientTimeouts timeouts() {
        return new ClientTimeouts(
                millis(connectTimeout, 30),
                millis(heloTimeout, 300),
                millis(mailTimeout, 300),
                millis(rcptTimeout, 300),
                millis(dataInitTimeout, 120),
                millis(dataDoneTimeout, 600),
                millis(quitTimeout, 300));
    }

    private static int millis(Integer seconds, int fallback) {
        return (seconds == null || seconds <= 0 ? fallback : Math.min(seconds, 86_400)) * 1000;
    }

    /** The relay host's login, or {@code null} when none is configured. */
    RelayCredentials relayCredentials() {
        if (relayUsername == null || relayUsername.isBlank()) {
            return null;
        }
        return new RelayCredentials(relayUsername, relayPassword == null ? "" : relayPassword);
    }

    /**
     * What the relay host's certificate is checked against before AUTH: {@code relayTrustStore},
     * else the JVM's default trust store.
     *
     * @throws IOException when the configured trust store cannot be read
     */
    RelayTls relayTls() throws IOException {
        String path = relayTrustStore == null ? "" : relayTrustStore.strip();
        if (path.isEmpty()) {
            return RelayTls.jvmDefault();
        }
        char[] password = relayTrustStorePassword == null ? null : relayTrustStorePassword.toCharArray();
        try {
            Path file = Path.of(path);
            // read again when the file is replaced (a new CA for the relay host)
            String version = path + "@" + Files.getLastModifiedTime(file);
            LoadedTrust loaded = loadedTrust;
            if (loaded == null || !loaded.version().equals(version)) {
                loaded = new LoadedTrust(version, RelayTls.fromTrustStore(file, password));
                loadedTrust = loaded;
            }
            return loaded.trust();
        } catch (NoSuchFileException e) {
            throw new IOException("cannot load relayTrustStore " + path + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot load relayTrustStore " + path + ": " + e.getMessage(), e);
        }
    }

    public String getRelayTrustStore() {
        return relayTrustStore;
    }

    public void setRelayTrustStore(String relayTrustStore) {
        this.relayTrustStore = relayTrustStore;
    }

    public String getRelayTrustStorePassword() {
        return relayTrustStorePassword;
    }

    public void setRelayTrustStorePassword(String relayTrustStorePassword) {
        this.relayTrustStorePassword = relayTrustStorePassword;
    }

    public String getRelayUsername() {
        return relayUsername;
    }

    public void setRelayUsername(String relayUsername) {
        this.relayUsername = relayUsername;
    }

    public String getRelayPassword() {
        return relayPassword;
    }

    public void setRelayPassword(String relayPassword) {
        this.relayPassword = relayPassword;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getHeloTimeout() {
        return heloTimeout;
    }

    public void setHeloTimeout(Integer heloTimeout) {
        this.heloTimeout = heloTimeout;
    }

    public Integer getMailTimeout() {
        return mailTimeout;
    }

    public void setMailTimeout(Integer mailTimeout) {
        this.mailTimeout = mailTimeout;
    }

    public Integer getRcptTimeout() {
        return rcptTimeout;
    }

    public void setRcptTimeout(Integer rcptTimeout) {
        this.rcptTimeout = rcptTimeout;
    }

    public Integer getDataInitTimeout() {
        return dataInitTimeout;
    }

    public void setDataInitTimeout(Integer dataInitTimeout) {
        this.dataInitTimeout = dataInitTimeout;
    }

    public Integer getDataDoneTimeout() {
        return dataDoneTimeout;
    }

    public void setDataDoneTimeout(Integer dataDoneTimeout) {
        this.dataDoneTimeout = dataDoneTimeout;
    }

    public Integer getQuitTimeout() {
        return quitTimeout;
    }

    public void setQuitTimeout(Integer quitTimeout) {
        this.quitTimeout = quitTimeout;
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new SmtpClientFactory(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        return new SmtpClientFactory(this, null);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new StatelessManagedConnection<>(
                this, "Merpati SMTP client", SmtpClientConnectionHandle.class, SmtpClientConnectionHandle::new);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object connection : connections) {
            if (connection instanceof StatelessManagedConnection<?> managed && managed.factory() == this) {
                return managed;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmtpClientManagedConnectionFactory that
                && timeouts().equals(that.timeouts());
    }

    @Override
    public int hashCode() {
        return timeouts().hashCode();
    }
}
