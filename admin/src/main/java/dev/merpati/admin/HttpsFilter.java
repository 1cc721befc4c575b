package dev.merpati.admin;

import dev.merpati.settings.HttpsOnlyFromOutside;
import jakarta.servlet.annotation.WebFilter;

/** The admin API answers plain HTTP only to the machine itself. */
@WebFilter("/*")
public class HttpsFilter extends HttpsOnlyFromOutside {

    private static final long serialVersionUID = 1L;
}
