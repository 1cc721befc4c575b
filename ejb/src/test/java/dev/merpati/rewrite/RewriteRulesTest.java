package dev.merpati.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class RewriteRulesTest {

    /** merpati.test (primary) has alice (1) and bob (2); other.test has carol (3) and postmaster (4). */
    private final MapDirectory directory = new MapDirectory()
            .domain("merpati.test")
            .domain("other.test")
            .domain("empty.test")
            .domainAlias("merpati.example", "merpati.test")
            .account(1, "alice@merpati.test")
            .account(2, "bob@merpati.test")
            .account(3, "carol@other.test")
            .account(4, "postmaster@other.test")
            .alias("team@merpati.test", "alice, bob@merpati.test")
            .alias("abuse@other.test", "carol@other.test")
            .alias("bob+lists@merpati.test", "alice")
            .alias("@other.test", "carol");

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

    @Test
    void localhostAndDomainAliasesAreCanonicalised() {
        assertEquals(new Resolution.Local(1, "alice@merpati.test"), resolve("alice@LocalHost"));
        assertEquals(new Resolution.Local(2, "bob@merpati.test"), resolve("Bob@Merpati.Example"));
    }

    @Test
    void anAliasStandsForItsTargets() {
        assertEquals(
                new Resolution.Alias("team@merpati.test", List.of("alice", "bob@merpati.test")),
                resolve("Team@merpati.example"));
    }

    @Test
    void subaddressesGoToTheUserUnlessTheFullAddressIsKnown() {
        assertEquals(new Resolution.Local(1, "alice@merpati.test"), resolve("alice+shop@merpati.test"));
        assertEquals(
                new Resolution.Alias("bob+lists@merpati.test", List.of("alice")), resolve("bob+lists@merpati.test"));
        assertEquals(
                new Resolution.Alias("team@merpati.test", List.of("alice", "bob@merpati.test")),
                resolve("team+x@merpati.test"));
        assertInstanceOf(Resolution.Error.class, resolve("+alice@merpati.test"));
        assertInstanceOf(Resolution.Error.class, new RewriteRules(directory, "").resolve("alice+shop@merpati.test"));
        assertEquals(
                new Resolution.Local(1, "alice@merpati.test"),
                new RewriteRules(directory, "-+").resolve("alice-shop@merpati.test"));
    }

    @Test
    void abuseGoesWherePostmasterGoesUnlessItIsDefined() {
        assertEquals(new Resolution.Local(1, "postmaster@merpati.test"), resolve("abuse@merpati.test"));
        assertEquals(
                new Resolution.Alias("abuse@other.test", List.of("carol@other.test")), resolve("abuse@other.test"));
    }

    @Test
    void theCatchAllTakesWhatNoAccountOrAliasTakes() {
        assertEquals(new Resolution.Alias("nobody@other.test", List.of("carol")), resolve("Nobody@other.test"));
        assertEquals(new Resolution.Local(3, "carol@other.test"), resolve("carol@other.test"));
        assertEquals(new Resolution.Local(4, "postmaster@other.test"), resolve("postmaster@other.test"));
    }
}
