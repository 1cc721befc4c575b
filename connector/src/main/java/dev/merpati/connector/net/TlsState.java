package dev.merpati.connector.net;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * What a session knows of its connection's TLS, e.g. for the Received header ("with ESMTPS",
 * "using TLSv1.3 with cipher ...") and for refusing plaintext logins.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 */
public record TlsState(String protocol, String cipherSuite) {

    /** The TLS of a channel whose handshake has completed, if any. */
    public static Optional<TlsState> of(Channel channel) {
        SslHandler handler = channel.pipeline().get(SslHandler.class);
        if (handler == null || !handler.handshakeFuture().isSuccess()) {
            return Optional.empty();
        }
        SSLSession session = handler.engine().getSession();
        return Optional.of(new TlsState(session.getProtocol(), session.getCipherSuite()));
    }

    /** Whether the channel is, or is becoming, encrypted: after STARTTLS a second one is refused. */
    public static boolean started(Channel channel) {
        return channel.pipeline().get(SslHandler.class) != null;
    }
}
