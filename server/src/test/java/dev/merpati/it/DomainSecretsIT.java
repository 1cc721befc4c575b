package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The running domain's configuration holds no password in clear text: the database's, the TLS
 * keystore's and the relay host's are password aliases (and the servers still work with them: every
 * other test uses them).
 */
class DomainSecretsIT {

    private static final Path IT_DIR = Path.of(System.getProperty("merpati.it.dir", "target/it"));

    @Test
    void domainXmlNamesPasswordsOnlyByAlias() throws Exception {
        String domainXml = Files.readString(IT_DIR.resolve("domains/merpati/config/domain.xml"));
        Matcher property = Pattern.compile("<property\\s+name=\"([^\"]*(?i:password)[^\"]*)\"\\s+value=\"([^\"]*)\"")
                .matcher(domainXml);
        List<String> passwords = new ArrayList<>();
        while (property.find()) {
            if (property.group(1).startsWith("dynamic.")) {
                continue; // Payara's switch for pools whose user and password are dynamic: no secret
            }
            passwords.add(property.group(1));
            assertTrue(property.group(2).startsWith("${ALIAS="), property.group(1) + " is in clear text in domain.xml");
        }
        assertTrue(passwords.contains("password"), "the database password is configured: " + passwords);
        assertTrue(passwords.contains("tlsKeystorePassword"), "the keystore password is configured: " + passwords);
        assertTrue(passwords.contains("relayPassword"), "the relay host's password is configured: " + passwords);

        String keystorePassword = Files.readString(IT_DIR.resolve("data/tls/merpati.p12.password"))
                .strip();
        assertFalse(keystorePassword.isEmpty());
        assertFalse(domainXml.contains(keystorePassword), "the keystore password appears in domain.xml");
    }
}
