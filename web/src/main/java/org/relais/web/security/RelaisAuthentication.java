package org.relais.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.relais.access.CredentialVerifier;
import org.relais.access.CredentialVersions;
import org.relais.access.Verification;

/**
 * The one authentication mechanism of Relais, for pages and API alike.
 *
 * <p>The API ({@code /api/...}) is stateless: every request carries HTTP Basic credentials ({@code
 * login@account} or {@code operator}) or an API token ({@code Authorization: Bearer}); a missing or
 * wrong one answers 401 and a throttled one 429, both in the API's error shape. Pages use a form:
 * the login view calls {@code SecurityContext.authenticate} with the credentials, and a verified
 * identity is kept in the HTTP session (under a new session id, against fixation), with the version
 * of the agent's credentials: once an admin changes its role, password or enabled flag, or removes
 * it, the session ends at its next request. A protected page without an identity (never logged in,
 * the session expired or ended) goes back to the login page, for plain and Ajax requests.
 */
@ApplicationScoped
public class RelaisAuthentication implements HttpAuthenticationMechanism {

  /** Request attribute telling the login view that the attempt was throttled. */
  public static final String THROTTLED = "relais.throttled";

  static final String SESSION_PRINCIPAL = "relais.principal";
  static final String SESSION_ROLE = "relais.role";
  static final String SESSION_CREDENTIALS_VERSION = "relais.credentialsVersion";
  private static final String LOGIN_PAGE = "/login.xhtml";

  @Inject CredentialVerifier verifier;
  @Inject CredentialVersions versions;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    try {
      if (path.startsWith("/api/")) {
        return api(request, response, context);
      }
      return page(request, response, context);
    } catch (IOException e) {
      return context.responseUnauthorized();
    }
  }

  private AuthenticationStatus api(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return answer(
          verifier.verifyToken(header.substring(7).trim(), request.getRemoteAddr()),
          response,
          context);
    }
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return unauthorized(
          response, "Basic credentials login@account or a Bearer token are required");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(response, "malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(response, "malformed Basic credentials");
    }
    return answer(
        verifier.verify(
            decoded.substring(0, colon), decoded.substring(colon + 1), request.getRemoteAddr()),
        response,
        context);
  }

  private static AuthenticationStatus answer(
      Verification result, HttpServletResponse response, HttpMessageContext context)
      throws IOException {
    if (result instanceof Verification.Verified v) {
      return context.notifyContainerAboutLogin(v.principal(), Set.of(v.role()));
    }
    if (result instanceof Verification.Throttled t) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
      ApiErrorWriter.write(
          response, 429, "too_many_attempts", "too many failed logins, try again later");
      return AuthenticationStatus.SEND_FAILURE;
    }
    return unauthorized(response, "wrong credentials");
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response, String message)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"Relais\", charset=\"UTF-8\"");
    ApiErrorWriter.write(response, 401, "unauthorized", message);
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus page(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws IOException {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential()
            instanceof UsernamePasswordCredential credential) {
      Verification result =
          verifier.verify(
              credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr());
      if (result instanceof Verification.Verified v) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(SESSION_PRINCIPAL, v.principal());
        session.setAttribute(SESSION_ROLE, v.role());
        session.setAttribute(SESSION_CREDENTIALS_VERSION, v.credentialsVersion());
        return context.notifyContainerAboutLogin(v.principal(), Set.of(v.role()));
      }
      if (result instanceof Verification.Throttled) {
        request.setAttribute(THROTTLED, Boolean.TRUE);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_PRINCIPAL) instanceof String principal) {
      if (stillStands(session, principal)) {
        return context.notifyContainerAboutLogin(
            principal, Set.of((String) session.getAttribute(SESSION_ROLE)));
      }
      // Demoted, disabled, removed or given a new password since: the session ends as a logout
      // would (the agent leaves the ACD too), and the user logs in again.
      SessionEnd.loggedOut(session);
      session.invalidate();
    }
    if (context.isProtected()) {
      return toLoginPage(request, response);
    }
    return context.doNothing();
  }

  /** Whether the agent's credentials are still those the session was opened with. */
  private boolean stillStands(HttpSession session, String principal) {
    return CredentialVerifier.OPERATOR.equals(principal)
        || session.getAttribute(SESSION_CREDENTIALS_VERSION) instanceof Long version
            && version == versions.of(principal);
  }

  /** Ajax requests cannot follow a 302: Faces needs a partial response that redirects. */
  private static AuthenticationStatus toLoginPage(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    String target = request.getContextPath() + LOGIN_PAGE + "?expired=true";
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
    } else {
      response.sendRedirect(target);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
