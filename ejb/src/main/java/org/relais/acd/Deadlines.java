package org.relais.acd;

import java.time.OffsetDateTime;

/**
 * The timers of agents' activities (ring timeout, penalty, wrap-up, auto-qualification), one per
 * agent at most, and of queued calls' wait limits (SPEC E2), one per call at most. The deadline is
 * also stored in the agent's presence row or the call's row, which is what survives a restart; a
 * timer that fires for a deadline the row no longer holds does nothing. In the server, EJB timers
 * ({@link TimerDeadlines}); in unit tests, lists the test's clock walks through.
 */
interface Deadlines {

  /** Arms the agent's timer for the deadline, replacing the one running. */
  void arm(long agentId, OffsetDateTime deadline);

  /** Cancels the agent's timer, if one runs. */
  void disarm(long agentId);

  /** The agent's timer fired for its current deadline: nothing is left to cancel. */
  void fired(long agentId);

  /** Arms the call's wait limit, replacing the one running. */
  void armWaitLimit(long callId, OffsetDateTime limit);

  /** Cancels the call's wait limit, if one runs: it was reached, answered, or the call ended. */
  void disarmWaitLimit(long callId);
}
