package dev.merpati.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewriteRulesTest {

    /** merpati.test (primary) has alice (1) and bob (2); other.test has carol (3) and postmaster (4). */
    private final AddressDirectory directory = new AddressDirectory() {
        private final Map<String, Long> accounts = Map.of(
                "alice@merpati.test", 1L, "bob@merpati.test", 2L, "carol@other.test", 3L, "postmaster@other.test", 4L);

        @Override
        public Optional<String> primaryDomain() {
            return Optional.of("merpati.test");
        }

        @Override
        public boolean isLocalDomain(String domain) {
            return domain.equals("merpati.test") || domain.equals("other.test") || domain.equals("empty.test");
        }

        @Override
        public Optional<Long> findAccount(String localPart, String domain) {
            return Optional.ofNullable(accounts.get(localPart + "@" + domain));
        }

        @Override
        public Optional<Long> firstAccount(String domain) {
            return switch (domain) {
                case "merpati.test" -> Optional.of(1L);
                case "other.test" -> Optional.of(3L);
                default -> Optional.empty();
            };
        }
    };

    private Resolution resolve(String address) {
        return RewriteRules.resolve(address, directory);
    }

    @Test
    void localAccountIsFoundWhateverTheCase() {
        assertEquals(new Resolution.Local(1, "alice@merpati.test"), resolve("alice@merpati.test"));
        assertEquals(new Resolution.Local(1, "alice@merpati.test"), resolve("Alice@MERPATI.Test"));
        assertEquals(new Resolution.Local(2, "bob@merpati.test"), resolve(" bob@merpati.test. "));
    }

    @Test
    void unknownUserOfLocalDomainIsAnError() {
        var error = assertInstanceOf(Resolution.Error.class, resolve("nobody@merpati.test"));
        assertEquals("user unknown: nobody@merpati.test", error.reason());
    }

    @Test
    void otherDomainsAreRemoteAndKeepTheLocalPartsCase() {
        assertEquals(new Resolution.Remote("Someone@example.org"), resolve("Someone@Example.ORG"));
    }

    @Test
    void postmasterGoesToThePostmasterAccountOrTheFirstAccount() {
        assertEquals(new Resolution.Local(4, "postmaster@other.test"), resolve("PostMaster@other.test"));
        assertEquals(new Resolution.Local(1, "postmaster@merpati.test"), resolve("postmaster@merpati.test"));
        assertInstanceOf(Resolution.Error.class, resolve("postmaster@empty.test"));
    }

    @Test
    void bareLocalPartsBelongToThePrimaryDomain() {
        assertEquals(new Resolution.Local(1, "postmaster@merpati.test"), resolve("Postmaster"));
        assertEquals(new Resolution.Local(2, "bob@merpati.test"), resolve("bob"));
    }

    @Test
    void malformedAddressesAreErrors() {
        assertInstanceOf(Resolution.Error.class, resolve(""));
        assertInstanceOf(Resolution.Error.class, resolve("alice@"));
        assertInstanceOf(Resolution.Error.class, resolve("@merpati.test"));
        assertInstanceOf(Resolution.Error.class, resolve("a b@merpati.test"));
    }
}
