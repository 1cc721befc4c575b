package dev.merpati.settings;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Plain HTTP only from the plain-text networks; anyone else is sent to HTTPS (reads redirected,
 * anything else refused). The webmail's and the admin API's authentication mechanisms ask this
 * first: they see every request of their application, before any filter or servlet.
 */
public final class HttpsOnlyFromOutside {

    private HttpsOnlyFromOutside() {}

    /**
     * Where the request must go instead, when it came over plain HTTP from outside the plain-text
     * networks.
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
