package dev.merpati.web.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What of a mail's HTML may reach the browser, and plain text turned into safe HTML. The HTML is
 * shown in a sandboxed frame under a strict Content-Security-Policy as well, so a miss here still runs
 * no script in the webmail's origin and loads nothing from elsewhere.
 */
final class MailHtml {

    /**
     * Formatting, blocks, tables, inline styles and links (opened outside the frame, without
     * referrer); images only from data: URLs, so no remote image tells a sender the mail was read.
     */
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowAttributes("target")
                    .matching(true, "_blank")
                    .onElements("a")
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("img")
                    .allowUrlProtocols("data")
                    .allowAttributes("src")
                    .matching(Pattern.compile("(?i)data:image/(png|gif|jpe?g|webp);base64,[a-z0-9+/=\\s]*"))
                    .onElements("img")
                    .allowAttributes("alt", "width", "height")
                    .onElements("img")
                    .toFactory());

    private static final Pattern LINK = Pattern.compile("\\b(?:https?://|mailto:)[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

    private MailHtml() {}

    /** The mail's HTML with everything that could run, load or mislead removed. */
    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * Plain text as HTML: escaped, links made clickable, quoted lines ("> ") marked with their
     * level, so the read view can show them indented.
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\r?\\n", -1)) {
            int level = 0;
            int i = 0;
            while (i < line.length() && (line.charAt(i) == '>' || (level > 0 && line.charAt(i) == ' '))) {
                if (line.charAt(i) == '>') {
                    level++;
                }
                i++;
            }
            String shown = linked(line);
            if (level > 0) {
                out.append("<span class=\"quote quote")
                        .append(Math.min(level, 3))
                        .append("\">")
                        .append(shown)
                        .append("</span>\n");
            } else {
                out.append(shown).append('\n');
            }
        }
        return out.toString();
    }

    /** The line escaped, its links as anchors (found in the raw text, escaped like the rest). */
    private static String linked(String line) {
        Matcher matcher = LINK.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String url = escape(matcher.group());
            out.append(escape(line.substring(last, matcher.start())))
                    .append("<a href=\"")
                    .append(url)
                    .append("\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">")
                    .append(url)
                    .append("</a>");
            last = matcher.end();
        }
        return out.append(escape(line.substring(last))).toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
