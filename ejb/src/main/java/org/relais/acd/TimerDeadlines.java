package org.relais.acd;

import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Deadlines as non-persistent EJB timers of the engine's singleton ({@link Acd#deadlineReached}):
 * the database keeps the deadline, and recovery arms it again after a restart. Each agent's running
 * timer is cancelled when its deadline goes (an answered call's ring timeout): a timer left to fire
 * for nothing would still wait for the engine's lock. Used under the engine's lock only.
 */
final class TimerDeadlines implements Deadlines {

  /** What a timer carries: whose deadline, and which one (so that a stale timer can tell). */
  record Deadline(long agentId, OffsetDateTime at) implements Serializable {}

  /** What a queued call's timer carries: which call, and until when it may wait. */
  record WaitLimit(long callId, OffsetDateTime at) implements Serializable {}

  private final TimerService timers;
  private final Clock clock;
  private final Map<Long, Timer> byAgent = new HashMap<>();
  private final Map<Long, Timer> byCall = new HashMap<>();

  TimerDeadlines(TimerService timers, Clock clock) {
    this.timers = timers;
    this.clock = clock;
  }

  @Override
  public void arm(long agentId, OffsetDateTime deadline) {
    disarm(agentId);
    byAgent.put(agentId, timer(deadline, new Deadline(agentId, deadline)));
  }

  @Override
  public void disarm(long agentId) {
    cancel(byAgent.remove(agentId));
  }

  @Override
  public void armWaitLimit(long callId, OffsetDateTime limit) {
    disarmWaitLimit(callId);
    byCall.put(callId, timer(limit, new WaitLimit(callId, limit)));
  }

  @Override
  public void disarmWaitLimit(long callId) {
    cancel(byCall.remove(callId));
  }

  private Timer timer(OffsetDateTime deadline, Serializable info) {
    Date when = Date.from(deadline.toInstant());
    Date now = Date.from(clock.instant());
    return timers.createSingleActionTimer(
        when.before(now) ? now : when, new TimerConfig(info, false));
  }

  private static void cancel(Timer timer) {
    if (timer != null) {
      try {
        timer.cancel();
      } catch (NoSuchObjectLocalException gone) {
        // It fired meanwhile, or its transaction rolled back: nothing left to cancel.
      }
    }
  }

  @Override
  public void fired(long agentId) {
    byAgent.remove(agentId);
  }
}
