package org.relais.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version of each agent's credentials (password, role, enabled flag, existence), counted in
 * memory from zero at start: whatever was verified under an older version no longer stands, be it a
 * remembered API check or a page session. Reading it costs a map look-up, so every request can.
 *
 * <p>A version is read before the database is: a change that commits after that read bumps it, so
 * what the read found is never trusted past the change.
 */
@ApplicationScoped
public class CredentialVersions {

  private final Map<String, Long> byPrincipal = new ConcurrentHashMap<>();

  /**
   * @param principal {@code login@account}
   */
  public long of(String principal) {
    return byPrincipal.getOrDefault(principal, 0L);
  }

  /** After the transaction ends, committed or not: a bump too many only costs one more check. */
  void changed(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) AgentCredentialsChanged change) {
    byPrincipal.merge(change.principal(), 1L, Long::sum);
  }
}
