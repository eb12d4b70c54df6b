package org.relais.presence;

import static org.relais.presence.Activity.DIALING;
import static org.relais.presence.Activity.IDLE;
import static org.relais.presence.Activity.PENALTY;
import static org.relais.presence.Activity.QUALIFYING;
import static org.relais.presence.Activity.RINGING;
import static org.relais.presence.Activity.TALKING;
import static org.relais.presence.Activity.WRAP_UP;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The table of allowed activity changes of an agent (SPEC C1, C2). For each activity, the events it
 * accepts and the activities they may lead to; where the group's settings choose among several
 * (qualification required or not, a penalty or wrap-up of zero seconds), the engine picks and this
 * table checks the pick.
 *
 * <p>Answered call: RINGING → TALKING → (hang-up) QUALIFYING or WRAP_UP → IDLE. Unanswered call:
 * RINGING → PENALTY → WRAP_UP → IDLE. Cancelling the penalty (B5) makes the agent eligible at once,
 * so it leads to IDLE without a wrap-up. Outbound call: IDLE → DIALING → TALKING, then as an
 * answered call; a failed dial leads back to IDLE, as nothing was said and the dialer recycles the
 * contact by itself (B11). Predictive call: IDLE → TALKING, the customer having answered before the
 * agent was chosen (B11).
 *
 * <p>Availability is not part of the table: an agent who becomes unavailable keeps the call in hand
 * and finishes it (C2); only {@link #eligible} looks at both.
 */
public final class AgentStateMachine {

  private static final Map<Activity, Map<AgentEvent, Set<Activity>>> TABLE =
      new EnumMap<>(Activity.class);

  static {
    allow(IDLE, AgentEvent.OFFER, RINGING);
    allow(RINGING, AgentEvent.ANSWER, TALKING);
    allow(RINGING, AgentEvent.REFUSE, PENALTY, WRAP_UP, IDLE);
    allow(RINGING, AgentEvent.RING_TIMEOUT, PENALTY, WRAP_UP, IDLE);
    allow(RINGING, AgentEvent.CALLER_GONE, IDLE);
    allow(TALKING, AgentEvent.HANG_UP, QUALIFYING, WRAP_UP, IDLE);
    allow(TALKING, AgentEvent.TRANSFERRED, QUALIFYING, WRAP_UP, IDLE);
    allow(QUALIFYING, AgentEvent.QUALIFY, WRAP_UP, IDLE);
    allow(PENALTY, AgentEvent.PENALTY_OVER, WRAP_UP, IDLE);
    allow(PENALTY, AgentEvent.CANCEL_PENALTY, IDLE);
    allow(WRAP_UP, AgentEvent.WRAP_UP_OVER, IDLE);
    allow(IDLE, AgentEvent.DIAL, DIALING);
    allow(DIALING, AgentEvent.ANSWER, TALKING);
    allow(DIALING, AgentEvent.DIAL_FAILED, IDLE);
    allow(IDLE, AgentEvent.CONNECT, TALKING);
  }

  private AgentStateMachine() {}

  private static void allow(Activity from, AgentEvent event, Activity... to) {
    TABLE
        .computeIfAbsent(from, f -> new EnumMap<>(AgentEvent.class))
        .put(event, EnumSet.of(to[0], to));
  }

  /** Whether an inbound call may be offered to the agent (SPEC C4): available and idle. */
  public static boolean eligible(Availability availability, Activity activity) {
    return availability == Availability.AVAILABLE && activity == IDLE;
  }

  /** Whether the event is accepted in the activity at all. */
  public static boolean accepts(Activity from, AgentEvent event) {
    return TABLE.getOrDefault(from, Map.of()).containsKey(event);
  }

  /**
   * Checks a transition.
   *
   * @throws IllegalTransitionException when the event is not accepted in {@code from}, or does not
   *     lead to {@code to}
   */
  public static Activity move(Activity from, AgentEvent event, Activity to) {
    Set<Activity> allowed = TABLE.getOrDefault(from, Map.of()).get(event);
    if (allowed == null || !allowed.contains(to)) {
      throw new IllegalTransitionException(from, event);
    }
    return to;
  }

  /** The activities an event may lead to from {@code from} (empty when not accepted). */
  public static Set<Activity> targets(Activity from, AgentEvent event) {
    Set<Activity> allowed = TABLE.getOrDefault(from, Map.of()).get(event);
    return allowed == null ? EnumSet.noneOf(Activity.class) : EnumSet.copyOf(allowed);
  }
}
