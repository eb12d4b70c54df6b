package org.relais.supervision;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.presence.Activity;

/**
 * The after-call work each call cost (SPEC B14, E5): the qualification and wrap-up an agent spends
 * after talking belong to the call it talked in, as the agent's statistics count them. The wrap-up
 * row of the audit trail names no call, so the call is the one of the talk before it.
 */
public final class AfterCallWork {

  /** One row of an agent's audit trail: from {@code at}, this activity, for this call (or null). */
  public record Step(OffsetDateTime at, Activity activity, Long callId) {}

  private final Map<Long, Long> seconds = new HashMap<>();

  /**
   * Adds one agent's trail, in the order it was written; its last state lasts until {@code now}.
   */
  public AfterCallWork add(List<Step> trail, OffsetDateTime now) {
    Long talkedIn = null;
    for (int i = 0; i < trail.size(); i++) {
      Step step = trail.get(i);
      OffsetDateTime end = i + 1 < trail.size() ? trail.get(i + 1).at() : now;
      if (step.activity() == Activity.TALKING) {
        talkedIn = step.callId();
      } else if (step.activity() == Activity.QUALIFYING || step.activity() == Activity.WRAP_UP) {
        if (talkedIn != null) {
          seconds.merge(talkedIn, Duration.between(step.at(), end).toSeconds(), Long::sum);
        }
      } else {
        talkedIn = null;
      }
    }
    return this;
  }

  /** The seconds of after-call work spent on the call so far. */
  public long of(long callId) {
    return seconds.getOrDefault(callId, 0L);
  }
}
