package dev.merpati.connector.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed server keystore made with the JDK's keytool, as the dev domain makes its own. */
public final class TestKeystore {

    public static final char[] PASSWORD = "test-secret".toCharArray();

    private TestKeystore() {}

    public static Path create(Path directory, String hostName) throws IOException, InterruptedException {
        Path keystore = directory.resolve("server.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(
                        keytool,
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
                        "SAN=dns:" + hostName + ",ip:127.0.0.1",
                        "-validity",
                        "30",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(keystore)) {
            throw new IOException("keytool failed: " + output);
        }
        return keystore;
    }
}
