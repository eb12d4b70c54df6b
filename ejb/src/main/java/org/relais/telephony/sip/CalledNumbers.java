package org.relais.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.relais.group.QueueGroup;

/**
 * The group a trunk's call is for, found by the number it called (SPEC F2). The one look-up that
 * spans accounts: the number is what tells the account, and a number names at most one group.
 */
@ApplicationScoped
@Transactional
public class CalledNumbers {

  /** A group as the engine's switch events name it. */
  public record CalledGroup(String account, String group) {}

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  /**
   * @param number as the trunk sent it: E.164, with or without its {@code +}
   */
  public Optional<CalledGroup> group(String number) {
    String e164 = number.startsWith("+") ? number : "+" + number;
    return em.createQuery(
            "SELECT g FROM QueueGroup g JOIN g.numbers n WHERE n = :number", QueueGroup.class)
        .setParameter("number", e164)
        .getResultStream()
        .findFirst()
        .map(g -> new CalledGroup(g.getAccount().getName(), g.getName()));
  }
}
