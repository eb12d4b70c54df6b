package org.relais.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers that tell the browser what the pages may do, on every answer.
 *
 * <p>The Content-Security-Policy keeps everything the pages load on this server, except the CRM
 * page a contact card frames (SPEC C, any address an admin gives), and lets no other site frame
 * Relais, post its forms elsewhere or change its base address. Scripts stay allowed inline, since
 * PrimeFaces and Faces write their widgets' set-up and event handlers into the page; what the
 * policy still stops is a script, style or plug-in from anywhere else. Sockets ({@code
 * f:websocket}) connect to this server only.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  static final String POLICY =
      "default-src 'self'; "
          + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; "
          + "font-src 'self' data:; "
          + "connect-src 'self'; "
          + "frame-src http: https:; "
          + "frame-ancestors 'self'; "
          + "form-action 'self'; "
          + "base-uri 'self'; "
          + "object-src 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    chain.doFilter(request, response);
  }
}
