package dev.merpati.web.mail;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends the site's root to the inbox by redirect, so that the browser's URL is the protected page
 * and the login constraint applies to it (a welcome-file forward would bypass it).
 */
@WebServlet("")
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/mail/inbox.xhtml");
    }
}
