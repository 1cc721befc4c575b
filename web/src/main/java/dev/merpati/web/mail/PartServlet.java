package dev.merpati.web.mail;

import dev.merpati.mailbox.MailboxService;
import dev.merpati.mailbox.MimeNode;
import dev.merpati.mailbox.PartContent;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A part of one of the user's messages, never rendered inside the webmail's own pages:
 * {@code /mail/part?folder=F&uid=U&part=P} downloads it as an attachment; with {@code &view=html}
 * an HTML part is sanitised and served for a sandboxed frame. Every response carries a sandboxing
 * Content-Security-Policy and {@code nosniff}; a folder, message or part that is not the caller's
 * own is "not found".
 */
@WebServlet("/mail/part")
public class PartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** HTML larger than this is not shown inline (it can still be downloaded). */
    static final int MAX_INLINE_HTML = 4 * 1024 * 1024;

    /**
     * No script, no plugin, nothing loaded from anywhere but the response itself (inline styles and
     * data: images); links open outside the sandbox.
     */
    static final String POLICY = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none';"
            + " style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    @EJB
    private transient MailboxService mailboxes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, no-store");
        Optional<PartContent> found = part(request);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream content = found.get().content()) {
            MimeNode part = found.get().part();
            if ("html".equals(request.getParameter("view"))) {
                serveHtml(part, content, response);
            } else {
                download(part, content, response);
            }
        }
    }

    private Optional<PartContent> part(HttpServletRequest request) {
        String folder = request.getParameter("folder");
        String part = request.getParameter("part");
        long uid;
        try {
            uid = Long.parseLong(request.getParameter("uid"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (folder == null || part == null || !part.matches("[0-9]+(\\.[0-9]+)*")) {
            return Optional.empty();
        }
        return mailboxes.openPart(folder, uid, part);
    }

    private static void serveHtml(MimeNode part, InputStream content, HttpServletResponse response) throws IOException {
        if (!part.mimeType().equals("text/html")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = content.readNBytes(MAX_INLINE_HTML);
        String html = new String(bytes, Charsets.of(part.charset()));
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + MailHtml.sanitize(html)
                        + "</body></html>");
    }

    private static void download(MimeNode part, InputStream content, HttpServletResponse response) throws IOException {
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", disposition(fileName(part)));
        try (OutputStream out = response.getOutputStream()) {
            content.transferTo(out);
        }
    }

    static String fileName(MimeNode part) {
        if (part.fileName() != null) {
            return part.fileName();
        }
        return "part-" + part.path() + (part.mimeType().equals("message/rfc822") ? ".eml" : ".bin");
    }

    /** RFC 6266: an ASCII fallback and the exact name in RFC 5987 form; nothing that could end the header. */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\;]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
