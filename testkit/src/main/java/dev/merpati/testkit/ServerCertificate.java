package dev.merpati.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The IT domain's self-signed certificate, exported from its keystore with keytool so that real
 * clients can be told to trust it.
 */
public final class ServerCertificate {

    /** The name in the IT domain's certificate (MAIL_HOSTNAME in server/scripts/it-domain.sh). */
    public static final String HOST_NAME = "mail.merpati.test";

    private static Path certificate;

    private ServerCertificate() {}

    public static Path keystore() {
        return Path.of(System.getProperty("merpati.it.dir", "target/it"), "data", "tls", "merpati.p12");
    }

    public static String keystorePassword() throws IOException {
        return Files.readString(Path.of(keystore() + ".password")).strip();
    }

    /** The server certificate as PEM, exported once per test run. */
    public static synchronized Path certificatePem() throws IOException, InterruptedException {
        if (certificate == null) {
            Path pem = Files.createTempFile("merpati-it-cert", ".pem");
            TestKeystore.keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "merpati",
                    "-keystore",
                    keystore().toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    keystorePassword(),
                    "-file",
                    pem.toString());
            certificate = pem;
        }
        return certificate;
    }
}
