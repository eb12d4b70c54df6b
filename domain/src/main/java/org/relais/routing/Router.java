package org.relais.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relais.group.RoutingStrategy;

/**
 * The routing decisions of one account (SPEC C4), as pure in-memory bookkeeping: per group, its
 * waiting calls in arrival order; per group, the agents eligible right now. {@link #next()} pairs
 * the call that must be served first with the agent its group's strategy prefers.
 *
 * <p>Calls of higher-priority groups go first; among groups of equal priority, the caller who has
 * waited longest. A decision looks only at groups that have an eligible agent, and at the heads of
 * their queues, so its cost does not grow with the number of waiting calls. Not thread-safe: its
 * owner serialises access.
 */
public final class Router {

  /** A pairing to make: ring this agent with this call. */
  public record Offer(long callId, long agentId) {}

  private record Waiting(long callId, long groupId, Instant arrivedAt) {}

  private record Rules(int priority, AgentChoice choice) {}

  private static final Comparator<Waiting> ARRIVAL =
      Comparator.comparing(Waiting::arrivedAt).thenComparingLong(Waiting::callId);

  private static final Rules DEFAULT_RULES =
      new Rules(0, AgentChoice.of(RoutingStrategy.LONGEST_IDLE));

  /** An agent as routing sees it. */
  private static final class Seat {
    final long id;
    Map<Long, Integer> inboundLevels = Map.of();
    boolean eligible;
    Instant idleSince = Instant.EPOCH;
    int callsToday;
    long lastOffer;

    Seat(long id) {
      this.id = id;
    }
  }

  private final Map<Long, TreeSet<Waiting>> queues = new HashMap<>();
  private final Map<Long, Waiting> waitingById = new HashMap<>();
  private final Map<Long, Rules> rules = new HashMap<>();
  private final Map<Long, Seat> seats = new HashMap<>();
  private final Map<Long, Set<Long>> eligibleByGroup = new HashMap<>();
  private long offers;

  /** A group's priority (higher first) and strategy; groups default to 0 and longest idle. */
  public void configureGroup(long groupId, int priority, RoutingStrategy strategy) {
    rules.put(groupId, new Rules(priority, AgentChoice.of(strategy)));
  }

  // ------------------------------------------------------------------ calls

  /** A call waits in its group, in the place its arrival time gives it. */
  public void enqueue(long callId, long groupId, Instant arrivedAt) {
    Waiting waiting = new Waiting(callId, groupId, arrivedAt);
    queues.computeIfAbsent(groupId, g -> new TreeSet<>(ARRIVAL)).add(waiting);
    waitingById.put(callId, waiting);
  }

  /** The call left its queue (abandoned, or taken out by its owner). */
  public void remove(long callId) {
    Waiting waiting = waitingById.remove(callId);
    if (waiting != null) {
      queues.get(waiting.groupId()).remove(waiting);
    }
  }

  public int waiting() {
    return waitingById.size();
  }

  // ------------------------------------------------------------------ agents

  /** The agent's inbound groups, with its proficiency (1-10) in each. */
  public void seat(long agentId, Map<Long, Integer> inboundLevels) {
    Seat seat = seats.computeIfAbsent(agentId, Seat::new);
    boolean eligible = seat.eligible;
    markIneligible(seat);
    seat.inboundLevels = Map.copyOf(inboundLevels);
    if (eligible) {
      markEligible(seat, seat.idleSince);
    }
  }

  public void unseat(long agentId) {
    Seat seat = seats.remove(agentId);
    if (seat != null) {
      markIneligible(seat);
    }
  }

  /**
   * Whether the agent may get a call now (connected inbound, AVAILABLE and IDLE), and since when it
   * is idle.
   */
  public void eligibility(long agentId, boolean eligible, Instant idleSince) {
    Seat seat = seats.get(agentId);
    if (seat == null) {
      return;
    }
    if (eligible) {
      markEligible(seat, idleSince);
    } else {
      markIneligible(seat);
    }
  }

  /** How many calls the agent answered today, for the fewest-calls strategy. */
  public void callsToday(long agentId, int calls) {
    Seat seat = seats.get(agentId);
    if (seat != null) {
      seat.callsToday = calls;
    }
  }

  /** The agent answered a call: one more for the fewest-calls strategy. */
  public void answered(long agentId) {
    Seat seat = seats.get(agentId);
    if (seat != null) {
      seat.callsToday++;
    }
  }

  private void markEligible(Seat seat, Instant idleSince) {
    seat.eligible = true;
    seat.idleSince = idleSince;
    for (Long group : seat.inboundLevels.keySet()) {
      eligibleByGroup.computeIfAbsent(group, g -> new HashSet<>()).add(seat.id);
    }
  }

  private void markIneligible(Seat seat) {
    seat.eligible = false;
    for (Long group : seat.inboundLevels.keySet()) {
      Set<Long> eligible = eligibleByGroup.get(group);
      if (eligible != null) {
        eligible.remove(seat.id);
      }
    }
  }

  // ------------------------------------------------------------------ decisions

  /**
   * The next pairing, taken out of the books: the call leaves its queue and the agent is no longer
   * eligible. Empty when no waiting call has an eligible agent.
   */
  public Optional<Offer> next() {
    Waiting best = null;
    int bestPriority = Integer.MIN_VALUE;
    for (Map.Entry<Long, Set<Long>> entry : eligibleByGroup.entrySet()) {
      TreeSet<Waiting> queue = queues.get(entry.getKey());
      if (entry.getValue().isEmpty() || queue == null || queue.isEmpty()) {
        continue;
      }
      Waiting head = queue.first();
      int priority = rulesOf(entry.getKey()).priority();
      if (best == null
          || priority > bestPriority
          || priority == bestPriority && ARRIVAL.compare(head, best) < 0) {
        best = head;
        bestPriority = priority;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    long groupId = best.groupId();
    List<Candidate> candidates =
        eligibleByGroup.get(groupId).stream()
            .map(seats::get)
            .map(
                s ->
                    new Candidate(
                        s.id, s.idleSince, s.callsToday, s.inboundLevels.get(groupId), s.lastOffer))
            .toList();
    Seat chosen = seats.get(rulesOf(groupId).choice().pick(candidates).agentId());
    remove(best.callId());
    markIneligible(chosen);
    chosen.lastOffer = ++offers;
    return Optional.of(new Offer(best.callId(), chosen.id));
  }

  private Rules rulesOf(long groupId) {
    return rules.getOrDefault(groupId, DEFAULT_RULES);
  }
}
