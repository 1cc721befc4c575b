package dev.merpati.mailbox.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Base subject extraction, RFC 5256 §2.1. */
class BaseSubjectTest {

    private static String base(String subject) {
        return BaseSubject.of(subject).text();
    }

    @Test
    void leadersAndTrailersAreRemoved() {
        assertEquals("Meeting", base("Re: Meeting"));
        assertEquals("Meeting", base("RE: re: Fwd: FW: Meeting"));
        assertEquals("Meeting", base("Re[2]: Meeting"));
        assertEquals("Meeting", base("[merpati-dev] Re: Meeting"));
        assertEquals("Meeting", base("Re: [merpati-dev] Meeting"));
        assertEquals("Meeting", base("Meeting (fwd)"));
        assertEquals("Meeting", base("Meeting (FWD)  (fwd) "));
        assertEquals("Meeting", base("[Fwd: Re: Meeting]"));
        assertEquals("Meeting", base("Fwd: [Fwd: Meeting (fwd)]"));
        assertEquals("Meeting  agenda".replace("  ", " "), base("  Re:\tMeeting \t agenda  "));
    }

    @Test
    void aBlobThatIsTheWholeSubjectStays() {
        assertEquals("[announce]", base("[announce]"));
        assertEquals("[announce]", base("Re: [announce]"));
        assertEquals("", base(""));
        assertEquals("", base("Re:"));
        assertEquals("", base(null));
    }

    @Test
    void wordsThatOnlyStartLikeALeaderStay() {
        assertEquals("Regarding the plan", base("Regarding the plan"));
        assertEquals("Fwded: x", base("Fwded: x"));
        assertEquals("Reply", base("Reply"));
    }

    @Test
    void repliesAndForwardsAreRecognised() {
        assertTrue(BaseSubject.of("Re: x").replyOrForward());
        assertTrue(BaseSubject.of("x (fwd)").replyOrForward());
        assertTrue(BaseSubject.of("[Fwd: x]").replyOrForward());
        assertFalse(BaseSubject.of("[list] x").replyOrForward());
        assertFalse(BaseSubject.of("x").replyOrForward());
    }

    @Test
    void unicodeCasemapCollation() {
        assertEquals(
                0,
                Collation.UNICODE_CASEMAP.compare(
                        "straße", "STRASSE".toLowerCase().replace("ss", "ß")));
        assertEquals(0, Collation.UNICODE_CASEMAP.compare("ÉCOLE", "école"));
        // a decomposed é equals a precomposed one
        assertEquals(0, Collation.UNICODE_CASEMAP.compare("e\u0301cole", "école"));
        assertTrue(Collation.UNICODE_CASEMAP.compare("apple", "Banana") < 0);
        assertTrue(Collation.UNICODE_CASEMAP.compare("zebra", "Apple") > 0);
        assertTrue(Collation.UNICODE_CASEMAP.compare("", "a") < 0);
    }
}
