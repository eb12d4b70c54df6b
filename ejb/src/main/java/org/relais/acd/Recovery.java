package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;

/**
 * The engine's start after a stop or a crash, from the database alone: calls that were queued or in
 * progress are closed as {@code LOST} (the switch lost them with the process), but for the callers
 * waiting off the line for a callback, who join their group's callback list; agents holding one are
 * freed as after a hang-up; every stored deadline is armed again, and those already past fire at
 * once. The floors are rebuilt at their first use.
 */
final class Recovery {

  private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

  private final EntityManager em;
  private final CallFlow flow;
  private final AgentMoves moves;
  private final Deadlines deadlines;
  private final Floors floors;
  private final EngineClock clock;

  Recovery(
      EntityManager em,
      CallFlow flow,
      AgentMoves moves,
      Deadlines deadlines,
      Floors floors,
      EngineClock clock) {
    this.em = em;
    this.flow = flow;
    this.moves = moves;
    this.deadlines = deadlines;
    this.floors = floors;
    this.clock = clock;
  }

  void recover() {
    long started = System.nanoTime();
    int lost = 0;
    for (Call call :
        // The open statuses by name, so that the status index finds them: "<> ENDED" would read
        // every call ever made.
        em.createQuery("SELECT c FROM Call c WHERE c.status IN :open", Call.class)
            .setParameter("open", EnumSet.complementOf(EnumSet.of(CallStatus.ENDED)))
            .getResultList()) {
      if (call.awaitsCallback() && call.getStatus() == CallStatus.QUEUED) {
        flow.toCallbackList(call);
      } else {
        flow.endCall(call, CallOutcome.LOST);
        lost++;
      }
    }
    int agents = 0;
    int rearmed = 0;
    for (AgentPresence presence :
        em.createQuery("SELECT p FROM AgentPresence p", AgentPresence.class).getResultList()) {
      agents++;
      switch (presence.getActivity()) {
        case RINGING, DIALING -> moves.moveTo(presence, Activity.IDLE, null, null, null);
        case TALKING -> flow.afterCall(presence, AgentEvent.HANG_UP, presence.getCall());
        default -> {
          OffsetDateTime deadline = presence.getDeadline();
          if (deadline != null) {
            deadlines.arm(presence.getAgentId(), deadline);
            rearmed++;
          }
        }
      }
    }
    floors.forgetAll();
    LOG.info(
        String.format(
            "ACD recovered from the database in %d ms: %d connected agents, %d calls closed as"
                + " lost, %d deadlines armed again",
            (System.nanoTime() - started) / 1_000_000, agents, lost, rearmed));
  }

  /**
   * Arms again every deadline, wait limit and ring timeout past by more than {@code grace}: its
   * timer was lost, or failed (the database was down when it fired, and the container gave up on
   * it). The agent's or call's row keeps it until it has been handled, so this, run every few
   * seconds, retries it until it succeeds; a timer that did its work meanwhile finds its deadline
   * gone and does nothing.
   */
  void rearmOverdue(Duration grace) {
    List<AgentPresence> overdue =
        em.createQuery(
                "SELECT p FROM AgentPresence p WHERE p.deadline < :before", AgentPresence.class)
            .setParameter("before", clock.now().minus(grace))
            .getResultList();
    for (AgentPresence presence : overdue) {
      deadlines.arm(presence.getAgentId(), presence.getDeadline());
    }
    // A queued call's wait limit (SPEC E2), a predictive call's ring timeout (B11).
    for (Call call :
        em.createQuery(
                "SELECT c FROM Call c WHERE c.status IN :waiting AND c.waitLimit < :before",
                Call.class)
            .setParameter("waiting", EnumSet.of(CallStatus.QUEUED, CallStatus.DIALING))
            .setParameter("before", clock.now().minus(grace))
            .getResultList()) {
      deadlines.armWaitLimit(call.getId(), call.getWaitLimit());
    }
  }
}
