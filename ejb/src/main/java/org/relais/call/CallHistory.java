package org.relais.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.agent.Agent;

/** Reads the account's call history (SPEC B6, E6). Every method is scoped to one account. */
@ApplicationScoped
public class CallHistory {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  /** The account's call with this id; another account's call is as missing as an unknown one. */
  public Call get(Account account, String id) {
    Call call;
    try {
      call = em.find(Call.class, Long.parseLong(id));
    } catch (NumberFormatException e) {
      call = null;
    }
    if (call == null || !call.getAccount().getId().equals(account.getId())) {
      throw new NoSuchEntityException("call");
    }
    return call;
  }

  /** The agent's latest outbound call, whose outcome the click-to-dial module shows (SPEC B9). */
  public Optional<Call> lastOutbound(Agent agent) {
    return em.createQuery(
            "SELECT c FROM Call c WHERE c.agent = :agent AND c.direction = :outbound"
                + " ORDER BY c.arrivedAt DESC, c.id DESC",
            Call.class)
        .setParameter("agent", agent)
        .setParameter("outbound", CallDirection.OUTBOUND)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
