package dev.merpati.web.mail;

import dev.merpati.mailbox.MailboxService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One of the user's messages as it is stored, read from the store while it is sent:
 * {@code /mail/source?folder=F&uid=U} shows it as plain text ("view source"), with {@code
 * &download=true} it is saved as a {@code .eml} file. Not the caller's: "not found".
 */
@WebServlet("/mail/source")
public class SourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient MailboxService mailboxes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", PartServlet.POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        String folder = request.getParameter("folder");
        long uid;
        try {
            uid = Long.parseLong(request.getParameter("uid"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<InputStream> message = folder == null ? Optional.empty() : mailboxes.open(folder, uid);
        if (message.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if ("true".equals(request.getParameter("download"))) {
            response.setContentType("message/rfc822");
            response.setHeader("Content-Disposition", PartServlet.disposition("message-" + uid + ".eml"));
        } else {
            // raw octets of any charset: shown as they are, never interpreted as markup
            response.setContentType("text/plain; charset=ISO-8859-1");
        }
        try (InputStream in = message.get();
                OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
