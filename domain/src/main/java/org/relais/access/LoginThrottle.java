package org.relais.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows down password guessing (SPEC A1) for one kind of key: an account and a login, or a client
 * address. After {@code freeFailures} failed logins for a key, further attempts are refused for a
 * delay that doubles with each new failure, up to a ceiling.
 *
 * <p>An attempt counts as a failure from the moment it {@link #begin begins}, before its password
 * is checked, and stays one unless it {@link #succeeded succeeds}: parallel guesses therefore meet
 * the limit as surely as sequential ones, and no more than {@code maxInFlight} of them per key are
 * checked at once. Refused attempts check no password and count nothing, so the delay can neither
 * be used to guess faster nor to extend itself.
 *
 * <p>Memory stays bounded whoever knocks: a key is forgotten {@link #FORGET_AFTER} after its lock
 * ended (swept once a minute), and past {@code maxKeys} keys the quietest is forgotten first.
 */
public class LoginThrottle {

  /** How long a key's failures are remembered once its lock is over. */
  public static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  /** What a refusal for too many attempts in flight asks the caller to wait. */
  static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final Limits limits;
  private final Map<String, Failures> failuresByKey = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  /**
   * @param freeFailures failures a key may make before it waits
   * @param firstDelay the wait after the last free failure, doubled by each further one
   * @param maxDelay the longest wait
   * @param maxInFlight attempts of one key checked at the same time
   * @param successForgets whether a success forgets the key's failures (a login's own success does;
   *     an address's does not, or one valid account would reset the count of a guesser)
   * @param maxKeys keys remembered at most
   */
  public record Limits(
      int freeFailures,
      Duration firstDelay,
      Duration maxDelay,
      int maxInFlight,
      boolean successForgets,
      int maxKeys) {}

  public LoginThrottle(Clock clock, Limits limits) {
    this.clock = clock;
    this.limits = limits;
  }

  /** How long the key must still wait, or empty when it may {@link #begin} an attempt now. */
  public Optional<Duration> refusal(String key) {
    Failures failures = failuresByKey.get(key);
    if (failures == null) {
      return Optional.empty();
    }
    Duration wait = Duration.between(clock.instant(), failures.lockedUntil(this));
    return wait.compareTo(Duration.ZERO) > 0 ? Optional.of(wait) : Optional.empty();
  }

  /**
   * Starts an attempt: empty when it may be checked now, and then it counts as a failure until
   * {@link #succeeded}, and must end with {@link #failed} or {@link #succeeded}; otherwise how long
   * the key must still wait.
   */
  public Optional<Duration> begin(String key) {
    Instant now = clock.instant();
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plus(SWEEP_EVERY);
      failuresByKey.values().removeIf(f -> f.forgotten(now, this));
    }
    if (!failuresByKey.containsKey(key) && failuresByKey.size() >= limits.maxKeys()) {
      makeRoom(now);
    }
    AtomicReference<Duration> refusal = new AtomicReference<>();
    failuresByKey.compute(
        key,
        (k, old) -> {
          Failures failures = old == null || old.forgotten(now, this) ? Failures.NONE : old;
          Duration wait = Duration.between(now, failures.lockedUntil(this));
          if (wait.compareTo(Duration.ZERO) > 0) {
            refusal.set(wait);
            return old;
          }
          if (failures.inFlight >= limits.maxInFlight()) {
            refusal.set(IN_FLIGHT_WAIT);
            return old;
          }
          return new Failures(failures.count + 1, now, failures.inFlight + 1);
        });
    return Optional.ofNullable(refusal.get());
  }

  /** Ends an attempt that failed: it stays counted. */
  public void failed(String key) {
    failuresByKey.computeIfPresent(
        key, (k, old) -> new Failures(old.count, old.last, Math.max(0, old.inFlight - 1)));
  }

  /** Ends an attempt that succeeded: it is no failure, and may forget the key's earlier ones. */
  public void succeeded(String key) {
    failuresByKey.computeIfPresent(
        key,
        (k, old) -> {
          int inFlight = Math.max(0, old.inFlight - 1);
          return limits.successForgets()
              ? (inFlight == 0 ? null : new Failures(0, old.last, inFlight))
              : old.withdrawn();
        });
  }

  /** Ends an attempt that was not checked after all: it counts nothing. */
  public void withdraw(String key) {
    failuresByKey.computeIfPresent(key, (k, old) -> old.withdrawn());
  }

  /** Keys remembered now. */
  public int size() {
    return failuresByKey.size();
  }

  private void makeRoom(Instant now) {
    while (failuresByKey.size() >= limits.maxKeys()) {
      Optional<String> quietest =
          failuresByKey.entrySet().stream()
              .filter(e -> e.getValue().inFlight == 0)
              .min(Comparator.comparing(e -> e.getValue().last))
              .map(Map.Entry::getKey);
      if (quietest.isEmpty()) {
        return;
      }
      failuresByKey.remove(quietest.get());
    }
  }

  private Duration delayAfter(int count) {
    if (count < limits.freeFailures()) {
      return Duration.ZERO;
    }
    int doublings = Math.min(count - limits.freeFailures(), 20);
    Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
  }

  private record Failures(int count, Instant last, int inFlight) {
    static final Failures NONE = new Failures(0, Instant.EPOCH, 0);

    Instant lockedUntil(LoginThrottle throttle) {
      return last.plus(throttle.delayAfter(count));
    }

    /** Without one attempt in flight and its count; null when nothing is left to remember. */
    Failures withdrawn() {
      int leftCount = Math.max(0, count - 1);
      int leftInFlight = Math.max(0, inFlight - 1);
      return leftCount == 0 && leftInFlight == 0
          ? null
          : new Failures(leftCount, last, leftInFlight);
    }

    boolean forgotten(Instant now, LoginThrottle throttle) {
      return inFlight == 0 && !now.isBefore(lockedUntil(throttle).plus(FORGET_AFTER));
    }
  }
}
