package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import org.relais.account.Account;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.group.OpeningHours;
import org.relais.group.QueueGroup;
import org.relais.telephony.Switch;

/**
 * The group's rules a call meets before and while it queues (SPEC E2). Outside the opening hours,
 * read in the account's time zone, the call is turned away (the switch plays the closed message and
 * hangs up) and recorded as {@code CLOSED}, or, where the group says so, goes to the group's
 * callback list, recorded as {@code CALLBACK}. Past the queue's limits (a full queue, no agent
 * connected, the longest wait) the call overflows to the group's overflow group, keeping its wait,
 * or to the group's callback list, recorded as {@code CALLBACK}; a call overflows once.
 *
 * <p>A call's wait limit is counted from its arrival and kept on its row; its timer fires while the
 * call may be ringing an agent, so a call that comes back to its queue past its limit overflows
 * then.
 */
final class QueueRules {

  private final EntityManager em;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final SwitchNames names;
  private final EngineClock clock;
  private final Floors floors;
  private final Deadlines deadlines;

  QueueRules(
      EntityManager em,
      EngineTransaction transaction,
      Switch phoneSwitch,
      SwitchNames names,
      EngineClock clock,
      Floors floors,
      Deadlines deadlines) {
    this.em = em;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.names = names;
    this.clock = clock;
    this.floors = floors;
    this.deadlines = deadlines;
  }

  /** How the engine ends the calls these rules turn away or send on: recorded and announced. */
  interface Ends {

    void endCall(Call call, CallOutcome outcome);

    /**
     * Ends the call as {@code CALLBACK}, its number joining the group's callback list (SPEC X1).
     */
    void toCallbackList(Call call);
  }

  /**
   * Whether the group turns the new call away; if so the call has ended, announced by {@code end}.
   */
  boolean turnsAway(Call call, QueueGroup group, Ends end) {
    OpeningHours hours = group.openingHours();
    if (hours.isAlwaysOpen()) {
      return false;
    }
    ZonedDateTime now =
        clock.now().atZoneSameInstant(em.find(Account.class, call.getAccountId()).getTimeZone());
    if (hours.isOpen(now)) {
      return false;
    }
    if (group.rules().callbackWhenClosed()) {
      end.toCallbackList(call);
    } else {
      end.endCall(call, CallOutcome.CLOSED);
    }
    hangUpAfterCommit(call);
    return true;
  }

  /**
   * The call has just joined its group's queue (on arrival, or overflowing into it): past the
   * group's limits it overflows at once, else it may wait until the group's longest wait.
   */
  void arrived(Call call, Ends end) {
    QueueGroup group = call.getGroup();
    Floor floor = floors.of(call.getAccountId());
    boolean full = group.maxQueueLength() > 0 && floor.waiting(group) > group.maxQueueLength();
    boolean unstaffed = group.overflowsWhenNoAgent() && !floor.staffed(group);
    if (full || unstaffed) {
      overflow(call, end);
    } else if (group.maxWait() > 0) {
      OffsetDateTime limit = call.getArrivedAt().plusSeconds(group.maxWait());
      call.limitWait(limit);
      if (limit.isAfter(clock.now())) {
        deadlines.armWaitLimit(call.getId(), limit);
      } else {
        overflow(call, end);
      }
    }
  }

  /** The call is back in its queue, unanswered by an agent: past its wait limit, it overflows. */
  void requeued(Call call, Ends end) {
    OffsetDateTime limit = call.getWaitLimit();
    if (limit != null && !limit.isAfter(clock.now())) {
      overflow(call, end);
    }
  }

  /**
   * The call's wait limit {@code at} fired: if the call still waits, it overflows; one that rings
   * an agent overflows if it comes back ({@link #requeued}). A limit the call no longer holds is
   * stale and does nothing.
   */
  void limitReached(Call call, OffsetDateTime at, Ends end) {
    if (call.getWaitLimit() == null || !call.getWaitLimit().isEqual(at)) {
      return;
    }
    deadlines.disarmWaitLimit(call.getId());
    if (call.getStatus() == CallStatus.QUEUED) {
      overflow(call, end);
    }
  }

  /**
   * Agents left or stopped taking calls of these groups: a group that overflows when no agent is
   * connected and has none left sends the calls waiting in it on, first arrived first.
   */
  void unstaffed(long accountId, Collection<QueueGroup> groups, Ends end) {
    Floor floor = floors.of(accountId);
    for (QueueGroup group : groups) {
      if (group.overflowsWhenNoAgent() && !floor.staffed(group)) {
        for (long callId : floor.waitingCalls(group)) {
          overflow(em.find(Call.class, callId), end);
        }
      }
    }
  }

  /** The call no longer waits (answered, or ended): its wait limit's timer goes. */
  void stopWaiting(Call call) {
    if (call.getWaitLimit() != null) {
      deadlines.disarmWaitLimit(call.getId());
    }
  }

  /**
   * The call leaves its queue for the group's overflow group, keeping its place by arrival and then
   * meeting that group's limits, or, if there is none or the call has overflowed already, for the
   * group's callback list.
   */
  private void overflow(Call call, Ends end) {
    QueueGroup from = call.getGroup();
    QueueGroup to = call.hasOverflowed() ? null : from.overflowGroup();
    long accountId = call.getAccountId();
    OffsetDateTime now = clock.now();
    stopWaiting(call);
    floors.of(accountId).remove(call.getId());
    transaction.announce(new AcdEvent.QueueChanged(accountId, now, from.getName()));
    if (to == null) {
      end.toCallbackList(call);
      hangUpAfterCommit(call);
      return;
    }
    call.overflowTo(to);
    transaction.announce(
        new AcdEvent.CallOverflowed(accountId, now, call.getId(), from.getName(), to.getName()));
    transaction.announce(new AcdEvent.QueueChanged(accountId, now, to.getName()));
    floors.of(accountId).enqueue(call, to);
    arrived(call, end);
  }

  private void hangUpAfterCommit(Call call) {
    String account = names.accountName(call.getAccountId());
    long callId = call.getId();
    transaction.afterCommit(() -> phoneSwitch.hangUp(account, callId));
  }
}
