package dev.merpati.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server keystore made with the JDK's keytool, as the dev domain makes its own, and a
 * server-side TLS context over it for test peers that speak STARTTLS.
 */
public final class TestKeystore {

    public static final char[] PASSWORD = "test-secret".toCharArray();

    private TestKeystore() {}

    /** Makes {@code server.p12} in the directory: an EC key for {@code hostName} and 127.0.0.1. */
    public static Path create(Path directory, String hostName) throws IOException, InterruptedException {
        return createAt(directory.resolve("server.p12"), hostName, "dns:" + hostName + ",ip:127.0.0.1");
    }

    /**
     * Makes a PKCS12 keystore (password {@link #PASSWORD}) with a self-signed EC key for {@code
     * hostName} (the CN) and these subject alternative names, keytool's syntax: {@code
     * dns:relay.test,ip:127.0.0.1}.
     */
    public static Path createAt(Path keystore, String hostName, String subjectAltNames)
            throws IOException, InterruptedException {
        keytool(
                "-genkeypair",
                "-alias",
                "merpati",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + hostName,
                "-ext",
                "SAN=" + subjectAltNames,
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD));
        if (!Files.exists(keystore)) {
            throw new IOException("keytool made no " + keystore);
        }
        return keystore;
    }

    /**
     * Makes a PKCS12 trust store (password {@link #PASSWORD}) that holds the certificates of these
     * keystores (made by {@link #create} or {@link #createAt}) and nothing else: what a client
     * configured to trust those servers uses.
     */
    public static Path trustStore(Path trustStore, Path... keystores) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int n = 0;
        for (Path keystore : keystores) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            }
            trusted.setCertificateEntry("server" + n++, store.getCertificate("merpati"));
        }
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD);
        }
        return trustStore;
    }

    /** Runs the JDK's keytool with these arguments; throws with what it printed if it fails. */
    static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    /** A server-side TLS context with the key of a keystore made by {@link #create}. */
    public static SSLContext serverContext(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A server-side TLS context with a throw-away key, for a peer whose clients do not check
     * certificates (as Postfix's "may" level); the keystore file is gone once the key is loaded.
     */
    public static SSLContext throwAwayServerContext(String hostName)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path directory = Files.createTempDirectory("merpati-keystore");
        Path keystore = create(directory, hostName);
        try {
            return serverContext(keystore);
        } finally {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(directory);
        }
    }
}
