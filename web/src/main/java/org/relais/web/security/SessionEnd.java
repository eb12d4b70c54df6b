package org.relais.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.access.AgentPrincipal;
import org.relais.account.KnownAccounts;
import org.relais.acd.Acd;
import org.relais.acd.DeskConflictException;
import org.relais.agent.AgentService;

/**
 * When an agent's web session ends without a logout from the banner (the browser closed and the
 * session expired, or a logout from the admin console's pages), the agent leaves the ACD too, so
 * that no call rings an empty desk. An agent still holding a call stays connected: the call
 * finishes as usual.
 *
 * <p>A session that ends while still live, because the server stops or the application is
 * redeployed, leaves its agent connected: the agent did not leave, and presences outlive a restart
 * as they outlive a crash. (Disconnecting them then also queried a database already closed: each
 * session held the server's stop up for seconds of retries, minutes with a hundred banners open.)
 */
@WebListener
public class SessionEnd implements HttpSessionListener {

  private static final Logger LOG = Logger.getLogger(SessionEnd.class.getName());

  /** Set on a session that a logout ends, before it is invalidated. */
  private static final String LOGGED_OUT = "relais.loggedOut";

  @Inject KnownAccounts knownAccounts;
  @Inject AgentService agents;
  @Inject Acd acd;

  /** Notes that the session about to be invalidated ends by its user's logout. */
  public static void loggedOut(HttpSession session) {
    session.setAttribute(LOGGED_OUT, Boolean.TRUE);
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    HttpSession session = event.getSession();
    if (!(session.getAttribute(RelaisAuthentication.SESSION_PRINCIPAL) instanceof String principal)
        || !endedByItsUser(
            session.getAttribute(LOGGED_OUT) != null,
            session.getLastAccessedTime(),
            session.getMaxInactiveInterval(),
            System.currentTimeMillis())) {
      return;
    }
    AgentPrincipal.parse(principal)
        .flatMap(
            name ->
                knownAccounts
                    .named(name.account())
                    .flatMap(account -> agents.find(account, name.login())))
        .ifPresent(
            agent -> {
              try {
                acd.disconnect(agent.getId());
              } catch (DeskConflictException e) {
                LOG.log(Level.FINE, "agent keeps its call after its session ended", e);
              }
            });
  }

  /**
   * Whether a session ends because its user left: logged out, or idle past its time-out (a session
   * that never times out, {@code maxInactiveSeconds <= 0}, never does). Otherwise the server ended
   * it while still live.
   */
  static boolean endedByItsUser(
      boolean loggedOut, long lastAccessedMillis, int maxInactiveSeconds, long nowMillis) {
    return loggedOut
        || maxInactiveSeconds > 0 && nowMillis - lastAccessedMillis >= maxInactiveSeconds * 1000L;
  }
}
