package org.relais.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing (SPEC A1). After {@link #FREE_FAILURES} failed logins for one key
 * (an account and a login), further attempts are refused for a delay that doubles with each new
 * failure, up to a ceiling. Refused attempts do not check the password, so the delay cannot be used
 * to guess faster; the right password works again once the delay is over, and a success forgets the
 * failures.
 */
public class LoginThrottle {

  public static final int FREE_FAILURES = 5;

  private final Clock clock;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Map<String, Failures> failuresByKey = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, Duration firstDelay, Duration maxDelay) {
    this.clock = clock;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
  }

  /** How long the key must still wait, or empty when an attempt may be checked now. */
  public Optional<Duration> refusal(String key) {
    Failures failures = failuresByKey.get(key);
    if (failures == null || failures.count < FREE_FAILURES) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), failures.lockedUntil(this));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  public void failed(String key) {
    Instant now = clock.instant();
    failuresByKey.compute(key, (k, old) -> new Failures(old == null ? 1 : old.count + 1, now));
  }

  public void succeeded(String key) {
    failuresByKey.remove(key);
  }

  private Duration delayAfter(int count) {
    int doublings = Math.min(count - FREE_FAILURES, 20);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private record Failures(int count, Instant last) {
    Instant lockedUntil(LoginThrottle throttle) {
      return last.plus(throttle.delayAfter(count));
    }
  }
}
