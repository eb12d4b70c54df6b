package org.relais.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
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
 * When an agent's web session ends without a logout (the browser closed, the session expired), the
 * agent leaves the ACD too, so that no call rings an empty desk. An agent still holding a call
 * stays connected: the call finishes as usual.
 */
@WebListener
public class SessionEnd implements HttpSessionListener {

  private static final Logger LOG = Logger.getLogger(SessionEnd.class.getName());

  @Inject KnownAccounts knownAccounts;
  @Inject AgentService agents;
  @Inject Acd acd;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    if (!(event.getSession().getAttribute(RelaisAuthentication.SESSION_PRINCIPAL)
        instanceof String principal)) {
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
}
