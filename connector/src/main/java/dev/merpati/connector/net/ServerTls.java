package dev.merpati.connector.net;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;

/**
 * The server side of TLS for every protocol: implicit TLS on the SMTPS/POP3S/IMAPS ports, and the
 * upgrade of a plain connection by STARTTLS/STLS (see {@link OrderedInputHandler#startTls}).
 * The certificate and key come from a keystore the operator configures.
 */
public final class ServerTls {

    /** The pipeline name of the TLS handler, always first in the pipeline. */
    public static final String HANDLER_NAME = "tls";

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    private final SslContext context;

    private ServerTls(SslContext context) {
        this.context = context;
    }

    /**
     * @param keystore a PKCS12 or JKS file with the server's private key and certificate chain
     * @param type the keystore type, e.g. {@code PKCS12}
     */
    public static ServerTls fromKeystore(Path keystore, char[] password, String type)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SslContext context = SslContextBuilder.forServer(keys)
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOLS)
                .build();
        return new ServerTls(context);
    }

    /**
     * @param startTls whether the first write after adding the handler still goes out in the clear
     *     (the reply to STARTTLS/STLS)
     */
    public SslHandler newHandler(ByteBufAllocator alloc, boolean startTls) {
        SslHandler handler = new SslHandler(context.newEngine(alloc), startTls);
        handler.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT.toMillis());
        return handler;
    }

    /** Makes a newly accepted connection TLS from its first byte (SMTPS, POP3S, IMAPS). */
    public void addImplicit(ChannelPipeline pipeline) {
        pipeline.addFirst(HANDLER_NAME, newHandler(pipeline.channel().alloc(), false));
    }
}
