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

    /** As Postfix writes it in Received: {@code TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)}. */
    public String description() {
        int bits = keyBits(cipherSuite);
        String strength = bits > 0 ? " (" + bits + "/" + bits + " bits)" : "";
        return protocol + " with cipher " + cipherSuite + strength;
    }

    /** The symmetric key size a cipher suite's name tells, or 0 when it does not. */
    static int keyBits(String cipherSuite) {
        String suite = cipherSuite == null ? "" : cipherSuite;
        if (suite.contains("CHACHA20") || suite.contains("AES_256") || suite.contains("CAMELLIA_256")) {
            return 256;
        }
        if (suite.contains("AES_128") || suite.contains("CAMELLIA_128")) {
            return 128;
        }
        return 0;
    }

    /** Whether the channel is, or is becoming, encrypted: after STARTTLS a second one is refused. */
    public static boolean started(Channel channel) {
        return channel.pipeline().get(SslHandler.class) != null;
    }
}
