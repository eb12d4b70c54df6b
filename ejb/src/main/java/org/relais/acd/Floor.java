package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallStatus;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;
import org.relais.routing.AgentChoice;
import org.relais.routing.Candidate;

/**
 * The engine's memory of one account, kept only to take routing decisions fast (SPEC C4): per
 * group, its waiting calls in arrival order; per group, the agents eligible right now (connected
 * inbound members, AVAILABLE and IDLE). It mirrors committed rows and is rebuilt from them at will;
 * it never decides anything the database has not been told.
 */
final class Floor {

  /** A pairing to make: ring this agent with this call. */
  record Offer(long callId, long agentId) {}

  private record Waiting(long callId, long groupId, Instant arrivedAt) {}

  private static final Comparator<Waiting> ARRIVAL =
      Comparator.comparing(Waiting::arrivedAt).thenComparingLong(Waiting::callId);

  private final Map<Long, TreeSet<Waiting>> queues = new HashMap<>();
  private final Map<Long, Waiting> waitingById = new HashMap<>();
  private final Map<Long, Rules> rulesByGroup = new HashMap<>();
  private final Map<Long, FloorAgent> agents = new HashMap<>();
  private final Map<Long, Set<Long>> eligibleByGroup = new HashMap<>();
  private long offerSequence;

  /** What routing needs of a group's settings. */
  private record Rules(int priority, org.relais.group.RoutingStrategy strategy) {
    static Rules of(QueueGroup group) {
      GroupSettings s = group.settings();
      return new Rules(s.priority(), s.strategy());
    }
  }

  /** A connected agent as routing sees it. */
  private static final class FloorAgent {
    final long id;
    Availability availability;
    Activity activity;
    Instant idleSince;
    Map<Long, Integer> inboundLevels = Map.of();
    int answeredToday;
    long lastOffer;

    FloorAgent(long id) {
      this.id = id;
    }

    boolean eligible() {
      return availability == Availability.AVAILABLE && activity == Activity.IDLE;
    }
  }

  static Floor rebuild(EntityManager em, long accountId) {
    Floor floor = new Floor();
    for (AgentPresence p :
        em.createQuery(
                "SELECT p FROM AgentPresence p WHERE p.accountId = :account", AgentPresence.class)
            .setParameter("account", accountId)
            .getResultList()) {
      floor.join(p, p.getAgent());
      floor.agents.get(p.getAgentId()).answeredToday = answeredToday(em, p.getAgentId());
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

  private static int answeredToday(EntityManager em, long agentId) {
    ZoneId zone = ZoneId.systemDefault();
    return em.createQuery(
            "SELECT COUNT(c) FROM Call c WHERE c.agent.id = :agent AND c.answeredAt >= :since",
            Long.class)
        .setParameter("agent", agentId)
        .setParameter("since", LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime())
        .getSingleResult()
        .intValue();
  }

  // ------------------------------------------------------------------ calls

  void enqueue(Call call, QueueGroup group) {
    Waiting waiting = new Waiting(call.getId(), group.getId(), call.getArrivedAt().toInstant());
    rulesByGroup.put(group.getId(), Rules.of(group));
    queues.computeIfAbsent(group.getId(), g -> new TreeSet<>(ARRIVAL)).add(waiting);
    waitingById.put(call.getId(), waiting);
  }

  void remove(long callId) {
    Waiting waiting = waitingById.remove(callId);
    if (waiting != null) {
      queues.get(waiting.groupId()).remove(waiting);
    }
  }

  // ------------------------------------------------------------------ agents

  /** The agent connected, or its memberships changed. */
  void join(AgentPresence presence, Agent agent) {
    FloorAgent floorAgent = agents.computeIfAbsent(agent.getId(), FloorAgent::new);
    forgetEligibility(floorAgent);
    Map<Long, Integer> levels = new HashMap<>();
    for (Membership m : agent.getMemberships()) {
      if (m.isInbound()) {
        levels.put(m.getGroup().getId(), m.getLevel());
        rulesByGroup.put(m.getGroup().getId(), Rules.of(m.getGroup()));
      }
    }
    floorAgent.inboundLevels = levels;
    update(presence);
  }

  void leave(long agentId) {
    FloorAgent agent = agents.remove(agentId);
    if (agent != null) {
      forgetEligibility(agent);
    }
  }

  /** The agent's availability or activity changed. */
  void update(AgentPresence presence) {
    FloorAgent agent = agents.get(presence.getAgentId());
    if (agent == null) {
      return;
    }
    if (presence.getActivity() == Activity.TALKING && agent.activity == Activity.RINGING) {
      agent.answeredToday++;
    }
    agent.availability = presence.getAvailability();
    agent.activity = presence.getActivity();
    agent.idleSince = presence.getIdleSince().toInstant();
    if (agent.eligible()) {
      agent
          .inboundLevels
          .keySet()
          .forEach(g -> eligibleByGroup.computeIfAbsent(g, x -> new HashSet<>()).add(agent.id));
    } else {
      forgetEligibility(agent);
    }
  }

  private void forgetEligibility(FloorAgent agent) {
    agent
        .inboundLevels
        .keySet()
        .forEach(
            g -> {
              Set<Long> eligible = eligibleByGroup.get(g);
              if (eligible != null) {
                eligible.remove(agent.id);
              }
            });
  }

  // ------------------------------------------------------------------ routing

  /**
   * The next pairing: among groups that have both a waiting call and an eligible agent, the call of
   * the highest-priority group, oldest first across groups of equal priority; then the group's
   * strategy picks the agent. Empty when no pairing is possible.
   */
  Optional<Offer> nextOffer() {
    Waiting best = null;
    int bestPriority = Integer.MIN_VALUE;
    for (Map.Entry<Long, Set<Long>> entry : eligibleByGroup.entrySet()) {
      TreeSet<Waiting> queue = queues.get(entry.getKey());
      if (entry.getValue().isEmpty() || queue == null || queue.isEmpty()) {
        continue;
      }
      Waiting head = queue.first();
      int priority = rulesByGroup.get(entry.getKey()).priority();
      if (best == null
          || priority > bestPriority
          || priority == bestPriority && ARRIVAL.compare(head, best) < 0) {
        best = head;
        bestPriority = priority;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    long groupId = best.groupId();
    List<Candidate> candidates =
        eligibleByGroup.get(groupId).stream()
            .map(agents::get)
            .map(
                a ->
                    new Candidate(
                        a.id,
                        a.idleSince,
                        a.answeredToday,
                        a.inboundLevels.get(groupId),
                        a.lastOffer))
            .toList();
    long agentId = AgentChoice.of(rulesByGroup.get(groupId).strategy()).pick(candidates).agentId();
    remove(best.callId());
    agents.get(agentId).lastOffer = ++offerSequence;
    return Optional.of(new Offer(best.callId(), agentId));
  }
}
