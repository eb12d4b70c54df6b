package org.relais.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.relais.call.CallStatus;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

/**
 * The floor as the operators' gauges show it, read from the committed rows of every account: the
 * calls waiting per group with the arrival of the oldest, and the connected agents per state. Two
 * grouped queries, never the engine's lock.
 */
@ApplicationScoped
public class FloorFigures {

  /** A group's queue: how many calls wait, and since when the oldest does. */
  public record Queue(long waiting, OffsetDateTime oldest) {}

  public record GroupKey(long accountId, String group) {}

  public record StateKey(long accountId, Availability availability, Activity activity) {}

  /** The figures at one moment. */
  public record Snapshot(Map<GroupKey, Queue> queues, Map<StateKey, Long> agents) {}

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  public Snapshot read() {
    Map<GroupKey, Queue> queues = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT c.accountId, c.groupName, COUNT(c), MIN(c.arrivedAt) FROM Call c"
                    + " WHERE c.status = :queued GROUP BY c.accountId, c.groupName",
                Object[].class)
            .setParameter("queued", CallStatus.QUEUED)
            .getResultList()) {
      queues.put(
          new GroupKey((Long) row[0], (String) row[1]),
          new Queue((Long) row[2], (OffsetDateTime) row[3]));
    }
    Map<StateKey, Long> agents = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT p.accountId, p.availability, p.activity, COUNT(p) FROM AgentPresence p"
                    + " GROUP BY p.accountId, p.availability, p.activity",
                Object[].class)
            .getResultList()) {
      agents.put(
          new StateKey((Long) row[0], (Availability) row[1], (Activity) row[2]), (Long) row[3]);
    }
    return new Snapshot(queues, agents);
  }
}
