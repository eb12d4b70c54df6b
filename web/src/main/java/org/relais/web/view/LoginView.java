package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.relais.access.AgentPrincipal;
import org.relais.access.CredentialVerifier;
import org.relais.web.security.RelaisAuthentication;

/**
 * The login form (SPEC A1): account, login, password and "remember me", which keeps the account and
 * the login (never the password) in a cookie of this browser. After login an agent lands on the
 * banner and an admin on the admin console.
 */
@Named
@RequestScoped
public class LoginView {

  static final String REMEMBER_COOKIE = "relais.remember";
  private static final int NINETY_DAYS = 90 * 24 * 3600;

  @Inject SecurityContext security;

  private String account;
  private String login;
  private String password;
  private boolean remember;

  @PostConstruct
  void init() {
    Cookie cookie =
        (Cookie)
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestCookieMap()
                .get(REMEMBER_COOKIE);
    if (cookie != null) {
      String[] parts = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8).split("/", 2);
      if (parts.length == 2) {
        account = parts[0];
        login = parts[1];
        remember = true;
      }
    }
  }

  /** Sends a user who is already logged in to their home page. */
  public void home() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (request.getUserPrincipal() != null) {
      external.redirect(external.getRequestContextPath() + homeOf(request));
    }
  }

  public void submit() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(
                    new UsernamePasswordCredential(
                        new AgentPrincipal(login.strip(), account.strip()).name(), password))
                .newAuthentication(true));
    if (status != AuthenticationStatus.SUCCESS) {
      Messages.error(
          null,
          request.getAttribute(RelaisAuthentication.THROTTLED) != null
              ? "login.throttled"
              : "login.failed");
      return;
    }
    if (request.isUserInRole(CredentialVerifier.OPERATOR)) {
      // The operator has no screens: it creates accounts through the API.
      external.invalidateSession();
      Messages.error(null, "login.operator");
      return;
    }
    rememberOnThisBrowser(external);
    external.redirect(external.getRequestContextPath() + homeOf(request));
  }

  private void rememberOnThisBrowser(ExternalContext external) {
    String value =
        remember
            ? URLEncoder.encode(account.strip() + "/" + login.strip(), StandardCharsets.UTF_8)
            : "";
    external.addResponseCookie(
        REMEMBER_COOKIE,
        value,
        Map.of(
            "maxAge",
            remember ? NINETY_DAYS : 0,
            "path",
            LanguageView.cookiePath(external),
            "httpOnly",
            true));
  }

  private static String homeOf(HttpServletRequest request) {
    if (request.isUserInRole("admin")) {
      return "/admin/agents.xhtml";
    }
    return "/agent/banner.xhtml";
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isRemember() {
    return remember;
  }

  public void setRemember(boolean remember) {
    this.remember = remember;
  }
}
