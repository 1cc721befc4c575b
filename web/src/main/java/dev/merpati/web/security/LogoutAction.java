package dev.merpati.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** Signs the user out and ends the HTTP session. */
@Named
@RequestScoped
public class LogoutAction {

    public String logout() throws ServletException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) context.getRequest()).logout();
        context.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
