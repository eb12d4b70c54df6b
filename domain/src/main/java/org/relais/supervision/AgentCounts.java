package org.relais.supervision;

import org.relais.presence.Activity;
import org.relais.presence.Availability;

/**
 * A group's connected agents by state (SPEC E5). Busy and in wrap-up go by activity whatever the
 * availability (an unavailable agent finishes its call); available and unavailable count the idle
 * ones: the four add up to the connected.
 *
 * @param busy ringing, dialling or talking
 * @param wrapUp qualifying, in wrap-up or in a penalty pause
 */
public record AgentCounts(
    long available, long busy, long wrapUp, long unavailable, long connected) {

  public static final AgentCounts NONE = new AgentCounts(0, 0, 0, 0, 0);

  /** These counts with one more connected agent, in this state. */
  public AgentCounts with(Availability availability, Activity activity) {
    if (availability == Availability.DISCONNECTED) {
      return this;
    }
    return switch (activity) {
      case RINGING, DIALING, TALKING ->
          new AgentCounts(available, busy + 1, wrapUp, unavailable, connected + 1);
      case QUALIFYING, WRAP_UP, PENALTY ->
          new AgentCounts(available, busy, wrapUp + 1, unavailable, connected + 1);
      case IDLE ->
          availability == Availability.AVAILABLE
              ? new AgentCounts(available + 1, busy, wrapUp, unavailable, connected + 1)
              : new AgentCounts(available, busy, wrapUp, unavailable + 1, connected + 1);
    };
  }
}
