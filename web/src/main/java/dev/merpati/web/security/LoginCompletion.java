package dev.merpati.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Where the login form posts: after {@link WebmailAuthentication} checked it, on to the inbox. */
@WebServlet(WebmailAuthentication.LOGIN_CHECK)
public class LoginCompletion extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target =
                request.getUserPrincipal() != null ? WebmailAuthentication.HOME : WebmailAuthentication.LOGIN_PAGE;
        response.sendRedirect(request.getContextPath() + target);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doPost(request, response);
    }
}
