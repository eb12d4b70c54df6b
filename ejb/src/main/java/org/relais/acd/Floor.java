package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallStatus;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;
import org.relais.routing.Router;

/**
 * The engine's routing memory of one account: a {@link Router} fed from the committed rows. It is
 * rebuilt from the database at will (at startup, after a rolled-back transaction), so it never
 * holds anything the database does not.
 */
final class Floor {

  private final Router router = new Router();

  static Floor rebuild(EntityManager em, long accountId) {
    Floor floor = new Floor();
    for (AgentPresence p :
        em.createQuery(
                "SELECT p FROM AgentPresence p WHERE p.accountId = :account", AgentPresence.class)
            .setParameter("account", accountId)
            .getResultList()) {
      floor.join(p, p.getAgent());
      floor.router.callsToday(p.getAgentId(), answeredToday(em, p.getAgentId()));
    }
    for (Call call :
        em.createQuery(
                "SELECT c FROM Call c WHERE c.account.id = :account AND c.status = :queued",
                Call.class)
            .setParameter("account", accountId)
            .setParameter("queued", CallStatus.QUEUED)
            .getResultList()) {
      floor.enqueue(call, call.getGroup());
    }
    return floor;
  }

  /** Calls the agent answered since midnight, for the fewest-calls strategy. */
  static int answeredToday(EntityManager em, long agentId) {
    ZoneId zone = ZoneId.systemDefault();
    return em.createQuery(
            "SELECT COUNT(c) FROM Call c WHERE c.agent.id = :agent AND c.answeredAt >= :since",
            Long.class)
        .setParameter("agent", agentId)
        .setParameter("since", LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime())
        .getSingleResult()
        .intValue();
  }

  void enqueue(Call call, QueueGroup group) {
    configure(group);
    router.enqueue(call.getId(), group.getId(), call.getArrivedAt().toInstant());
  }

  void remove(long callId) {
    router.remove(callId);
  }

  /** The agent connected, or its memberships changed. */
  void join(AgentPresence presence, Agent agent) {
    Map<Long, Integer> levels = new HashMap<>();
    for (Membership m : agent.getMemberships()) {
      if (m.isInbound()) {
        levels.put(m.getGroup().getId(), m.getLevel());
        configure(m.getGroup());
      }
    }
    router.seat(agent.getId(), levels);
    update(presence);
  }

  void leave(long agentId) {
    router.unseat(agentId);
  }

  void callsToday(long agentId, int calls) {
    router.callsToday(agentId, calls);
  }

  void answered(long agentId) {
    router.answered(agentId);
  }

  /** The agent's availability or activity changed. */
  void update(AgentPresence presence) {
    router.eligibility(
        presence.getAgentId(),
        presence.getAvailability() == Availability.AVAILABLE
            && presence.getActivity() == Activity.IDLE,
        presence.getIdleSince().toInstant());
  }

  /** The eligible agents the group would be offered first, best first. */
  List<Long> preferredAgents(long groupId, int count) {
    return router.preferredAgents(groupId, count);
  }

  Optional<Router.Offer> nextOffer() {
    return router.next();
  }

  private void configure(QueueGroup group) {
    router.configureGroup(group.getId(), group.priority(), group.strategy());
  }
}
