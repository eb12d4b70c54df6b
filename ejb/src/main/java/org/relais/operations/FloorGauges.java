package org.relais.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.account.AccountNames;
import org.relais.operations.FloorFigures.GroupKey;
import org.relais.operations.FloorFigures.Queue;
import org.relais.operations.FloorFigures.Snapshot;
import org.relais.operations.FloorFigures.StateKey;
import org.relais.operations.Meters.Unit;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

/**
 * The floor's gauges on {@code /metrics}: {@code relais_calls_waiting} and {@code
 * relais_calls_longest_wait_seconds} per account and group, {@code relais_agents} per account,
 * availability and activity. Their values are read from the database when scraped ({@link
 * FloorFigures}, at most once a second for all of them), so the engine pays nothing for them.
 *
 * <p>A gauge is registered the first time its group or account shows on the floor (a call queued,
 * an agent's state), and for what the database holds at startup; a group that has waited once keeps
 * its gauges, at zero, as Prometheus expects of a series.
 */
@ApplicationScoped
public class FloorGauges {

  private static final Logger LOG = Logger.getLogger(FloorGauges.class.getName());

  /** How long one reading serves the gauges: a scrape reads them all within it. */
  private static final Duration FRESH = Duration.ofSeconds(1);

  private static final Snapshot NOTHING = new Snapshot(Map.of(), Map.of());

  @Inject Meters meters;
  @Inject FloorFigures figures;
  @Inject AccountNames accounts;
  @Inject Clock clock;

  private final Set<GroupKey> watchedGroups = ConcurrentHashMap.newKeySet();
  private final Set<Long> watchedAccounts = ConcurrentHashMap.newKeySet();

  private Snapshot last = NOTHING;
  private long readAt = System.nanoTime() - FRESH.toNanos();

  /** The gauges of every group and account the database shows on the floor now. */
  public void watchFloor() {
    Snapshot now = snapshot();
    now.queues().keySet().forEach(this::watchQueue);
    now.agents().keySet().stream().map(StateKey::accountId).forEach(this::watchAgents);
  }

  /** The group's queue gets its gauges, once. */
  public void watchQueue(GroupKey key) {
    if (watchedGroups.add(key)) {
      Map<String, String> labels =
          Map.of("account", accounts.nameOf(key.accountId()), "group", key.group());
      meters.gauge(
          "relais_calls_waiting",
          "Calls waiting in the group's queue",
          Unit.NONE,
          () -> queue(key).waiting(),
          labels);
      meters.gauge(
          "relais_calls_longest_wait",
          "How long the oldest call waiting in the group's queue has waited",
          Unit.SECONDS,
          () -> longestWait(key),
          labels);
    }
  }

  /** The account's agents get a gauge per availability and activity, once. */
  public void watchAgents(long accountId) {
    if (watchedAccounts.add(accountId)) {
      String account = accounts.nameOf(accountId);
      for (Availability availability : Availability.values()) {
        if (availability == Availability.DISCONNECTED) {
          continue;
        }
        for (Activity activity : Activity.values()) {
          StateKey key = new StateKey(accountId, availability, activity);
          meters.gauge(
              "relais_agents",
              "Connected agents by availability and activity",
              Unit.NONE,
              () -> snapshot().agents().getOrDefault(key, 0L),
              Map.of(
                  "account",
                  account,
                  "availability",
                  availability.name(),
                  "activity",
                  activity.name()));
        }
      }
    }
  }

  private Queue queue(GroupKey key) {
    return snapshot().queues().getOrDefault(key, new Queue(0, null));
  }

  private double longestWait(GroupKey key) {
    Queue queue = queue(key);
    return queue.oldest() == null
        ? 0
        : Math.max(0, Duration.between(queue.oldest().toInstant(), clock.instant()).toMillis())
            / 1000.0;
  }

  /**
   * The last reading if still fresh, else a new one; a failed reading (the database away) keeps the
   * last, rather than failing the whole scrape.
   */
  private synchronized Snapshot snapshot() {
    if (System.nanoTime() - readAt >= FRESH.toNanos()) {
      try {
        last = figures.read();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "the floor's figures could not be read", e);
      }
      readAt = System.nanoTime();
    }
    return last;
  }
}
