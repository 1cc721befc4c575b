package dev.merpati.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.merpati.rewrite.Expansion.Destination;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpansionTest {

    private final MapDirectory directory = new MapDirectory()
            .domain("merpati.test")
            .domain("other.test")
            .account(1, "alice@merpati.test")
            .account(2, "bob@merpati.test")
            .account(3, "carol@other.test");

    private List<Destination> expand(String address) {
        return Expansion.of(address, new RewriteRules(directory, "+"), directory);
    }

    private static Destination local(long id, String address) {
        return new Destination(address, new Resolution.Local(id, address));
    }

    private static Destination remote(String address) {
        return new Destination(address, new Resolution.Remote(address));
    }

    @Test
    void anAccountIsItsOwnDestination() {
        assertEquals(List.of(local(1, "alice@merpati.test")), expand("Alice@merpati.test"));
    }

    @Test
    void anAliasGoesToManyLocalAndRemoteAddressesOnceEach() {
        directory.alias("team@merpati.test", "alice, bob@merpati.test, Friend@Example.ORG, alice@merpati.test");
        assertEquals(
                List.of(local(1, "alice@merpati.test"), local(2, "bob@merpati.test"), remote("Friend@example.org")),
                expand("team@merpati.test"));
    }

    @Test
    void nestedAliasesExpandAndDuplicatesCollapse() {
        directory.alias("all@merpati.test", "team, carol@other.test, staff");
        directory.alias("team@merpati.test", "alice bob");
        directory.alias("staff@merpati.test", "bob\n<carol@other.test>");
        assertEquals(
                List.of(local(1, "alice@merpati.test"), local(2, "bob@merpati.test"), local(3, "carol@other.test")),
                expand("all@merpati.test"));
    }

    @Test
    void aliasLoopsEndWithoutHanging() {
        directory.alias("a@merpati.test", "b");
        directory.alias("b@merpati.test", "a, alice");
        assertEquals(List.of(local(1, "alice@merpati.test")), expand("a@merpati.test"));

        directory.alias("x@merpati.test", "y");
        directory.alias("y@merpati.test", "x");
        List<Destination> loop = expand("x@merpati.test");
        assertEquals(1, loop.size());
        assertEquals(
                new Resolution.Error("alias loop: x@merpati.test"), loop.get(0).resolution());
    }

    @Test
    void anAliasThatNamesAnAccountOfItsOwnNameDeliversToIt() {
        directory.alias("bob@merpati.test", "bob, alice");
        assertEquals(List.of(local(2, "bob@merpati.test"), local(1, "alice@merpati.test")), expand("bob@merpati.test"));
    }

    @Test
    void unknownTargetsAreErrorsBesideTheGoodOnes() {
        directory.alias("team@merpati.test", "alice, ghost");
        List<Destination> found = expand("team@merpati.test");
        assertEquals(local(1, "alice@merpati.test"), found.get(0));
        assertEquals(
                new Destination("ghost@merpati.test", new Resolution.Error("user unknown: ghost@merpati.test")),
                found.get(1));
    }

    @Test
    void deepChainsStop() {
        for (int i = 0; i < 30; i++) {
            directory.alias("l" + i + "@merpati.test", "l" + (i + 1));
        }
        List<Destination> found = expand("l0@merpati.test");
        assertEquals(1, found.size());
        assertEquals(Resolution.Error.class, found.get(0).resolution().getClass());
    }

    @Test
    void aForwardReplacesTheMailbox() {
        directory.forward(2, "bob@example.org", false);
        assertEquals(List.of(remote("bob@example.org")), expand("bob@merpati.test"));
    }

    @Test
    void aForwardMayKeepACopy() {
        directory.forward(2, "bob@example.org, carol@other.test", true);
        assertEquals(
                List.of(local(2, "bob@merpati.test"), remote("bob@example.org"), local(3, "carol@other.test")),
                expand("bob+news@merpati.test"));
    }

    @Test
    void forwardingToOneselfKeepsACopyAndForwardLoopsEnd() {
        directory.forward(1, "alice@merpati.test, bob", false);
        directory.forward(2, "alice", false);
        assertEquals(List.of(local(1, "alice@merpati.test")), expand("alice@merpati.test"));
        // bob → alice → bob: the loop ends in bob's own mailbox
        assertEquals(List.of(local(1, "alice@merpati.test"), local(2, "bob@merpati.test")), expand("bob@merpati.test"));
    }

    @Test
    void catchAllAndAliasesCombine() {
        directory.alias("@other.test", "carol, archive@example.net");
        assertEquals(
                List.of(local(3, "carol@other.test"), remote("archive@example.net")), expand("whoever@other.test"));
    }

    @Test
    void targetsAreParsedLikeAnAliasesFile() {
        assertEquals(List.of("a", "b@x", "c@y"), Expansion.parseTargets(" a,b@x\n\t<c@y> ,"));
        assertEquals(List.of(), Expansion.parseTargets(null));
    }
}
