package org.relais.acd;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The engine's time, from the injected clock. */
final class EngineClock {

  private final Clock clock;

  EngineClock(Clock clock) {
    this.clock = clock;
  }

  /** Millisecond precision: the databases keep microseconds, and deadlines must compare equal. */
  OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
