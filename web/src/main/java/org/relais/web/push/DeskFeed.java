package org.relais.web.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed in each account since its banners last heard, and when they hear next. Changes are
 * coalesced per account: a change after a quiet spell goes out at once, others wait until {@code
 * interval} after the last flush, so each banner hears at most a few messages a second however busy
 * the floor. A banner whose socket just opened waits for the same flush, which brings it a whole
 * snapshot rather than what changed.
 */
final class DeskFeed {

  /** What one account's banners hear of at one flush. */
  record Changes(
      long accountId, Set<Long> agents, boolean queues, Set<Long> calls, Set<String> resync) {

    /** Whether some banner needs the whole picture: its socket has just opened. */
    boolean snapshot() {
      return !resync.isEmpty();
    }
  }

  private final Clock clock;
  private final Duration interval;
  private final Map<Long, Pending> pending = new HashMap<>();
  private final Map<Long, Instant> lastFlush = new HashMap<>();

  DeskFeed(Clock clock, Duration interval) {
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * Notes an account's committed changes: its agents whose state changed, whether its queue or
   * callback counts did, and the calls that did.
   *
   * @return the delay before the account's flush, when one must now be scheduled; empty when one is
   *     already
   */
  synchronized Optional<Duration> changed(
      long accountId, Collection<Long> agents, boolean queues, Collection<Long> calls) {
    if (agents.isEmpty() && !queues && calls.isEmpty()) {
      return Optional.empty();
    }
    boolean fresh = !pending.containsKey(accountId);
    Pending changes = pending.computeIfAbsent(accountId, a -> new Pending());
    changes.agents.addAll(agents);
    changes.queues |= queues;
    changes.calls.addAll(calls);
    return fresh ? Optional.of(delay(accountId)) : Optional.empty();
  }

  /** Notes a banner whose socket opened: at the next flush it hears the whole picture. */
  synchronized Optional<Duration> resync(long accountId, String user) {
    boolean fresh = !pending.containsKey(accountId);
    pending.computeIfAbsent(accountId, a -> new Pending()).resync.add(user);
    return fresh ? Optional.of(delay(accountId)) : Optional.empty();
  }

  /** The account's changes since its last flush, which is now. */
  synchronized Changes take(long accountId) {
    lastFlush.put(accountId, clock.instant());
    Pending changes = pending.remove(accountId);
    if (changes == null) {
      return new Changes(accountId, Set.of(), false, Set.of(), Set.of());
    }
    return new Changes(
        accountId,
        Set.copyOf(changes.agents),
        changes.queues,
        Set.copyOf(changes.calls),
        Set.copyOf(changes.resync));
  }

  /** Forgets an account whose last banner closed. */
  synchronized void forget(long accountId) {
    pending.remove(accountId);
    lastFlush.remove(accountId);
  }

  private Duration delay(long accountId) {
    Instant last = lastFlush.get(accountId);
    if (last == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), last.plus(interval));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static final class Pending {
    final Set<Long> agents = new HashSet<>();
    boolean queues;
    final Set<Long> calls = new HashSet<>();
    final Set<String> resync = new HashSet<>();
  }
}
