package org.relais.telephony.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The phones' time, moved by the test: an action runs when the test has advanced past its delay, in
 * the order of their due times (then of scheduling), on the test's own thread.
 */
final class ManualPhoneScheduler implements PhoneScheduler {

  private record Due(Duration at, long order, Runnable action) {}

  private final List<Due> pending = new ArrayList<>();
  private Duration now = Duration.ZERO;
  private long scheduled;

  @Override
  public void after(Duration delay, Runnable action) {
    pending.add(new Due(now.plus(delay), scheduled++, action));
  }

  /** Moves time forward, running each action that falls due, including those they schedule. */
  void advance(Duration by) {
    Duration until = now.plus(by);
    while (true) {
      Due next =
          pending.stream()
              .filter(d -> d.at().compareTo(until) <= 0)
              .min(Comparator.comparing(Due::at).thenComparingLong(Due::order))
              .orElse(null);
      if (next == null) {
        break;
      }
      pending.remove(next);
      now = next.at();
      next.action().run();
    }
    now = until;
  }

  /** The phones' time as a clock, from the epoch, for what the switch times itself. */
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.EPOCH.plus(now);
      }
    };
  }

  void advanceSeconds(double seconds) {
    advance(Duration.ofMillis(Math.round(seconds * 1000)));
  }
}
