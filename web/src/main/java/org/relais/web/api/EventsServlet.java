package org.relais.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.agent.Role;
import org.relais.web.push.EventStream;
import org.relais.web.security.ApiErrorWriter;
import org.relais.web.security.CurrentCaller;
import org.relais.web.security.CurrentCaller.NotAllowedException;

/**
 * {@code GET /api/v1/events}: the account's ACD events as Server-Sent Events, in the order they
 * were committed (docs/API.md, Events), for supervisors and admins: wallboards and integrations.
 *
 * <p>A servlet rather than a JAX-RS resource: JAX-RS sends and flushes each event on its own, one
 * socket write per event, whereas a transaction commits many events at once; here each
 * transaction's events go out in one write ({@link EventStream}). Its exact path takes precedence
 * over the JAX-RS application's {@code /api/v1/*}, and the authentication mechanism has already
 * checked the caller's credentials, as for every {@code /api/} request.
 */
@WebServlet(urlPatterns = "/api/v1/events", asyncSupported = true)
public class EventsServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(EventsServlet.class.getName());

  @Inject CurrentCaller caller;
  @Inject EventStream stream;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long accountId;
    try {
      accountId = caller.requireRole(Role.SUPERVISOR, Role.ADMIN).getId();
    } catch (NotAllowedException e) {
      ApiErrorWriter.write(response, 403, "forbidden", e.getMessage());
      return;
    } catch (RuntimeException unexpected) {
      // No JAX-RS exception mapper stands behind a servlet: answered as the mapper would.
      LOG.log(Level.SEVERE, "unexpected failure in the API", unexpected);
      ApiErrorWriter.write(response, 500, "internal", "internal error");
      return;
    }
    String principal = caller.principal();
    if (!stream.reserve(principal)) {
      ApiErrorWriter.write(
          response, 429, "too_many_streams", "this caller holds as many event streams as it may");
      return;
    }
    try {
      response.setContentType("text/event-stream");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      AsyncContext async = request.startAsync();
      // A subscription lasts until the client leaves (or stops reading: EventStream).
      async.setTimeout(0);
      stream.subscribe(accountId, principal, async);
    } catch (IOException | RuntimeException e) {
      stream.release(principal);
      throw e;
    }
  }
}
