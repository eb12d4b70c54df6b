package org.relais.dialer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.group.QueueGroup;

/**
 * What the banner's outbound module shows an agent (SPEC B11), read from committed rows, never
 * through the engine: the contacts of the running campaigns and callback lists of the groups where
 * it is an outbound member (number, name, group, status, callback date), the one it has in hand,
 * and the mode it works in.
 */
@ApplicationScoped
public class DialerQueries {

  /** The most contacts the module lists. */
  public static final int MAX_LISTED = 100;

  private static final List<ContactStatus> OPEN =
      List.of(
          ContactStatus.PENDING,
          ContactStatus.RECYCLED,
          ContactStatus.RESERVED,
          ContactStatus.ABANDONED,
          ContactStatus.IN_CALL);

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;

  /** The module's content: the current contact is the one the agent reserved or is calling. */
  public record DialerDesk(
      DialMode mode, CampaignContact current, List<CampaignContact> contacts) {}

  public DialerDesk desk(Agent viewer) {
    Agent agent = em.find(Agent.class, viewer.getId());
    List<QueueGroup> groups =
        agent.getMemberships().stream()
            .filter(Membership::isOutbound)
            .map(Membership::getGroup)
            .toList();
    if (groups.isEmpty()) {
      return new DialerDesk(DialMode.MANUAL, null, List.of());
    }
    DialMode mode =
        em.createQuery(
                "SELECT c.mode FROM Campaign c WHERE c.group IN :groups AND c.active = TRUE"
                    + " AND c.callbacks = FALSE ORDER BY c.name",
                DialMode.class)
            .setParameter("groups", groups)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(DialMode.MANUAL);
    List<CampaignContact> contacts =
        em.createQuery(
                "SELECT c FROM CampaignContact c JOIN c.campaign k WHERE k.group IN :groups"
                    + " AND k.active = TRUE AND c.status IN :open"
                    + " AND (c.reservedBy IS NULL OR c.reservedBy = :agent)"
                    + " ORDER BY COALESCE(c.nextAttempt, c.createdAt), c.id",
                CampaignContact.class)
            .setParameter("groups", groups)
            .setParameter("open", OPEN)
            .setParameter("agent", agent)
            .setMaxResults(MAX_LISTED)
            .getResultList();
    CampaignContact current =
        contacts.stream()
            .filter(c -> agent.equals(c.getReservedBy()))
            .filter(c -> c.getNextAttempt() == null || !c.getNextAttempt().isAfter(now()))
            .findFirst()
            .orElse(null);
    return new DialerDesk(mode, current, contacts);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
