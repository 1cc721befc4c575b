package dev.merpati.web.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailHtmlTest {

    @Test
    void scriptsHandlersAndRemoteLoadsAreRemoved() {
        String clean = MailHtml.sanitize("<p onclick=\"x()\">Hi <b>there</b></p><script>alert(1)</script>"
                        + "<img src=\"http://tracker.example/p.gif\"><img src=\"data:image/png;base64,iVBORw0=\">"
                        + "<a href=\"javascript:alert(1)\">x</a><a href=\"https://example.org/\">ok</a>"
                        + "<iframe src=\"https://evil.example\"></iframe><style>@import url(http://x/)</style>"
                        + "<svg><script>alert(2)</script></svg><form action=\"http://x\"><input></form>")
                .toLowerCase(Locale.ROOT);
        assertFalse(clean.contains("script"), clean);
        assertFalse(clean.contains("onclick"), clean);
        assertFalse(clean.contains("tracker.example"), clean);
        assertFalse(clean.contains("javascript:"), clean);
        assertFalse(clean.contains("iframe"), clean);
        assertFalse(clean.contains("@import"), clean);
        assertFalse(clean.contains("<form"), clean);
        assertTrue(clean.contains("<b>there</b>"), clean);
        assertTrue(clean.contains("data:image/png;base64"), clean);
        assertTrue(clean.contains("href=\"https://example.org/\""), clean);
        assertTrue(clean.contains("noopener"), clean);
    }

    @Test
    void textIsEscapedLinkedAndQuotesAreMarked() {
        String html = MailHtml.text("See https://example.org/a?b=1&c=2.\n> <b>quoted</b>\n>> deeper \"x\"");
        assertTrue(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_blank\""), html);
        assertTrue(html.contains("<span class=\"quote quote1\">&gt; &lt;b&gt;quoted&lt;/b&gt;</span>"), html);
        assertTrue(html.contains("quote2"), html);
        assertTrue(html.contains("&quot;x&quot;"), html);
        assertEquals("a&lt;b", MailHtml.escape("a<b"));
    }
}
