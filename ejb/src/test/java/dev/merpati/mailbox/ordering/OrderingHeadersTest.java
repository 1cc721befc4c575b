package dev.merpati.mailbox.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingHeadersTest {

    private static OrderingHeaders parse(String header) {
        return OrderingHeaders.parse(
                (header + "\r\n\r\nbody\r\nReferences: <not@header>\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void firstAddressMailboxes() {
        OrderingHeaders h = parse("From: \"Zed\" <Alice@x.test>, bob@y.test\r\n"
                + "To: team: carol@x.test, dave@x.test;\r\n"
                + "Cc: =?UTF-8?B?w4lyaWM=?= <eric@x.test>");
        assertEquals("Alice", h.from());
        assertEquals("carol", h.to());
        assertEquals("eric", h.cc());
    }

    @Test
    void missingOrBrokenAddressesAreEmpty() {
        OrderingHeaders h = parse("From: <>\r\nSubject: none");
        assertEquals("", h.to());
        assertEquals("", h.cc());
    }

    @Test
    void referencesElseInReplyTo() {
        assertEquals(
                List.of("<a@x>", "<b@x>"),
                parse("References: <a@x>\r\n  <b@x>\r\nIn-Reply-To: <c@x>").referenceList());
        assertEquals(
                List.of("<c@x>"),
                parse("In-Reply-To: <c@x> (Carol's message) <d@x>").referenceList());
        assertEquals(List.of(), parse("Subject: new").referenceList());
        assertEquals("<id@x>", OrderingHeaders.messageId(" <id@x> (comment)"));
    }

    @Test
    void longReferencesKeepTheNearestParents() {
        StringBuilder refs = new StringBuilder("References:");
        for (int i = 0; i < 2000; i++) {
            refs.append(" <").append(i).append("@example.test>");
        }
        List<String> kept = parse(refs.toString()).referenceList();
        assertEquals("<1999@example.test>", kept.get(kept.size() - 1));
        assertEquals(true, String.join(" ", kept).length() <= OrderingHeaders.MAX_REFERENCES);
    }
}
