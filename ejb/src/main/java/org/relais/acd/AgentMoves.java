package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.presence.AgentStateChange;
import org.relais.presence.AgentStateMachine;
import org.relais.presence.Availability;
import org.relais.presence.IllegalTransitionException;

/**
 * How an agent's presence changes, whatever made it change: the state machine checks the move (SPEC
 * C1, C2), an audit row records it, the agent's timer follows the new deadline, the floor learns
 * whether the agent is eligible, and the change is announced once committed.
 */
final class AgentMoves {

  private final EntityManager em;
  private final EngineTransaction transaction;
  private final Deadlines deadlines;
  private final Floors floors;
  private final EngineClock clock;

  AgentMoves(
      EntityManager em,
      EngineTransaction transaction,
      Deadlines deadlines,
      Floors floors,
      EngineClock clock) {
    this.em = em;
    this.transaction = transaction;
    this.deadlines = deadlines;
    this.floors = floors;
    this.clock = clock;
  }

  /** Refuses (409) an event the agent's activity does not accept, before anything changes. */
  void check(AgentPresence presence, AgentEvent event) {
    if (!AgentStateMachine.accepts(presence.getActivity(), event)) {
      throw new DeskConflictException(
          new IllegalTransitionException(presence.getActivity(), event).getMessage());
    }
  }

  /**
   * A change of activity that the state machine checks: the call and group it concerns (null when
   * none) and the deadline of the timer that ends it (null when no timer runs).
   */
  void transition(
      AgentPresence presence,
      AgentEvent event,
      Activity next,
      Call call,
      QueueGroup group,
      OffsetDateTime deadline) {
    try {
      AgentStateMachine.move(presence.getActivity(), event, next);
    } catch (IllegalTransitionException e) {
      throw new DeskConflictException(e.getMessage());
    }
    moveTo(presence, next, call, group, deadline);
  }

  /** A change of activity that no event explains: recovery after a crash. */
  void moveTo(
      AgentPresence presence, Activity next, Call call, QueueGroup group, OffsetDateTime deadline) {
    presence.moveTo(next, call, group, deadline, clock.now());
    audit(presence);
    if (deadline != null) {
      deadlines.arm(presence.getAgentId(), deadline);
    } else {
      deadlines.disarm(presence.getAgentId());
    }
    floors.of(presence.getAccountId()).update(presence);
  }

  /**
   * The agent's phone registered with the switch, or its registration went: the floor offers the
   * agent calls only while it is registered; its state does not change. Announced, so that its
   * banner shows it.
   */
  void phoneRegistered(AgentPresence presence, boolean registered) {
    presence.phoneRegistered(registered);
    floors.of(presence.getAccountId()).update(presence);
    Agent agent = presence.getAgent();
    transaction.announce(
        new AcdEvent.PhoneRegistration(
            presence.getAccountId(),
            clock.now(),
            presence.getAgentId(),
            agent.getLogin(),
            agent.getExtension(),
            registered));
  }

  /** The agent leaves the ACD: its presence goes, with its timer and its seat on the floor. */
  void leave(AgentPresence presence) {
    record(presence, Availability.DISCONNECTED, Activity.IDLE, null);
    em.remove(presence);
    deadlines.disarm(presence.getAgentId());
    floors.of(presence.getAccountId()).leave(presence.getAgentId());
  }

  /**
   * The agent's part in one of its groups changed: announced, so that its banner and the boards
   * show it; its state, and so its history, did not change.
   */
  void regrouped(Membership membership) {
    Agent agent = membership.getAgent();
    transaction.announce(
        new AcdEvent.AgentGroup(
            agent.getAccount().getId(),
            clock.now(),
            agent.getId(),
            agent.getLogin(),
            membership.getGroup().getName(),
            membership.isInbound(),
            membership.isOutbound()));
  }

  /** Records the presence's state as it is now, and announces it. */
  void audit(AgentPresence presence) {
    Long callId = presence.getCall() == null ? null : presence.getCall().getId();
    record(presence, presence.getAvailability(), presence.getActivity(), callId);
  }

  private void record(
      AgentPresence presence, Availability availability, Activity activity, Long callId) {
    OffsetDateTime now = clock.now();
    em.persist(
        new AgentStateChange(
            presence.getAccountId(), presence.getAgentId(), now, availability, activity, callId));
    transaction.announce(
        new AcdEvent.AgentState(
            presence.getAccountId(),
            now,
            presence.getAgentId(),
            presence.getAgent().getLogin(),
            availability,
            activity));
  }
}
