package org.relais.supervision;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.relais.call.CallOutcome;

/**
 * What the wallboard needs of one inbound call (SPEC E5): when it arrived, was answered and ended,
 * how it ended, and the after-call work (qualification and wrap-up) its agent spent on it so far.
 *
 * @param answeredAt null while not answered
 * @param endedAt null while the call lasts
 * @param outcome null while the call lasts
 */
public record CallTrace(
    OffsetDateTime arrivedAt,
    OffsetDateTime answeredAt,
    OffsetDateTime endedAt,
    CallOutcome outcome,
    long afterCallSeconds) {

  public CallTrace {
    Objects.requireNonNull(arrivedAt, "arrivedAt");
  }

  boolean answered() {
    return answeredAt != null;
  }

  /** Whether an agent picked it up after at most {@code seconds} whole seconds in queue. */
  boolean answeredWithin(int seconds) {
    return answered() && waitSeconds() <= seconds;
  }

  boolean abandoned() {
    return outcome == CallOutcome.ABANDONED;
  }

  /** Whether the caller no longer waits: answered, or ended before an answer. */
  boolean waitOver() {
    return answeredAt != null || endedAt != null;
  }

  /**
   * Whole seconds in queue, as the call reports count them ({@code waited}): up to the answer, or
   * the end for a call never answered.
   */
  long waitSeconds() {
    OffsetDateTime until = answeredAt != null ? answeredAt : endedAt;
    return until == null ? 0 : Duration.between(arrivedAt, until).toSeconds();
  }

  /** Talk up to {@code now} while the call lasts, plus the after-call work: handling time. */
  long handleSeconds(OffsetDateTime now) {
    if (answeredAt == null) {
      return 0;
    }
    OffsetDateTime until = endedAt != null ? endedAt : now;
    return Math.max(0, Duration.between(answeredAt, until).toSeconds()) + afterCallSeconds;
  }
}
