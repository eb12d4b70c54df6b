package org.relais.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.relais.web.security.SessionEnd;

/** Ends the web session and goes back to the login page. */
@Named
@RequestScoped
public class LogoutView {

  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpSession session = request.getSession(false);
    if (session != null) {
      // Before the logout, which ends the session.
      SessionEnd.loggedOut(session);
    }
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
