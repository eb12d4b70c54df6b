package org.relais.acd;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.TimeRange;
import org.relais.group.QueueGroup;
import org.relais.presence.AgentPresence;
import org.relais.presence.AgentStateMachine;
import org.relais.routing.Router;

/**
 * The engine's routing memory of one account: a {@link Router} fed from the committed rows. It is
 * rebuilt from the database at will ({@link Floors}: at startup, after a rolled-back transaction),
 * so it never holds anything the database does not.
 */
final class Floor {

  private final Router router = new Router();

  /** The account's day whose answered calls the router counts. */
  private final TimeRange day;

  Floor(TimeRange day) {
    this.day = day;
  }

  TimeRange day() {
    return day;
  }

  /** Whether its counts of the day still hold: the account's next midnight has not come. */
  boolean lasts(OffsetDateTime now) {
    return now.isBefore(day.to());
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

  /** The agent's availability or activity changed, or its phone's registration. */
  void update(AgentPresence presence) {
    router.eligibility(
        presence.getAgentId(),
        presence.isPhoneRegistered()
            && AgentStateMachine.eligible(presence.getAvailability(), presence.getActivity()),
        presence.getIdleSince().toInstant());
  }

  /** Calls waiting in the group's queue. */
  int waiting(QueueGroup group) {
    return router.waiting(group.getId());
  }

  /** The calls waiting in the group's queue, first arrived first. */
  List<Long> waitingCalls(QueueGroup group) {
    return router.waitingCalls(group.getId());
  }

  /** Whether any connected agent takes the group's calls. */
  boolean staffed(QueueGroup group) {
    return router.staffed(group.getId());
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
