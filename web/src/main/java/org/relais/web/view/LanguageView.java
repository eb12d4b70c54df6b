package org.relais.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of every screen (SPEC A2): French by default, switched with the flags, and
 * remembered on this browser by a cookie so that the login page greets the user in it next time.
 * The cookie is all it reads, on each request: a visitor who never logs in costs no session.
 */
@Named("language")
@RequestScoped
public class LanguageView {

  static final String COOKIE = "relais.lang";
  private static final List<String> SUPPORTED = List.of("fr", "en", "es");
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      Cookie cookie =
          (Cookie)
              FacesContext.getCurrentInstance()
                  .getExternalContext()
                  .getRequestCookieMap()
                  .get(COOKIE);
      locale =
          Locale.forLanguageTag(
              cookie != null && SUPPORTED.contains(cookie.getValue()) ? cookie.getValue() : "fr");
    }
    return locale;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public List<String> getLanguages() {
    return SUPPORTED;
  }

  public void switchTo(String language) {
    if (!SUPPORTED.contains(language)) {
      return;
    }
    locale = Locale.forLanguageTag(language);
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getViewRoot().setLocale(locale);
    ExternalContext external = faces.getExternalContext();
    external.addResponseCookie(
        COOKIE,
        language,
        Map.of("maxAge", ONE_YEAR, "path", cookiePath(external), "httpOnly", true));
  }

  static String cookiePath(ExternalContext external) {
    String path = external.getRequestContextPath();
    return path.isEmpty() ? "/" : path;
  }
}
