package dev.merpati.settings;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Plain HTTP only from the machine itself; anyone else is sent to HTTPS (GET and HEAD redirected,
 * anything else refused). The webmail and the admin API each register it for all their paths.
 */
public abstract class HttpsOnlyFromOutside extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient MailSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> https = requiredHttps(request, settings);
        if (https.isEmpty()) {
            chain.doFilter(request, response);
        } else if (isRead(request)) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", https.get());
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Use HTTPS: " + https.get());
        }
    }

    /**
     * Where the request must go instead, when it came over plain HTTP from outside the plain-text
     * networks; the authentication mechanisms ask too, since they run before any filter.
     */
    public static Optional<String> requiredHttps(HttpServletRequest request, MailSettings settings) {
        String query = request.getQueryString();
        return HttpsRedirect.target(
                request.isSecure(),
                request.getRemoteAddr(),
                settings.webPlaintextNetworks(),
                settings.httpsPort(),
                request.getServerName(),
                request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    /**
     * What an authentication mechanism answers plain HTTP from outside: reads go to HTTPS, anything
     * else (a password sent in the clear) is refused.
     */
    public static AuthenticationStatus insecure(
            String https, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (isRead(request)) {
            return context.redirect(https);
        }
        try {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Use HTTPS: " + https);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A request that may simply be repeated at the HTTPS address. */
    public static boolean isRead(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }
}
