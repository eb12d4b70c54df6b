package org.relais.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.relais.group.RoutingStrategy;

/**
 * The routing decisions of one account (SPEC C4), as pure in-memory bookkeeping: per group, its
 * waiting calls in arrival order and its eligible agents in the order its strategy prefers them.
 * {@link #next()} pairs the call that must be served first with the agent its group prefers.
 *
 * <p>Calls of higher-priority groups go first; among groups of equal priority, the caller who has
 * waited longest. The groups that have both a waiting call and an eligible agent are kept sorted by
 * that rule, so a decision reads two heads and updates a few sorted sets: its cost grows with the
 * logarithm of the numbers of calls, agents and groups, never linearly. The router does not read
 * the time: every instant comes from its owner's clock. Not thread-safe: its owner serialises
 * access.
 */
public final class Router {

  /** A pairing to make: ring this agent with this call. */
  public record Offer(long callId, long agentId) {}

  private record Waiting(long callId, Instant arrivedAt, Line line) {}

  private static final Comparator<Waiting> ARRIVAL =
      Comparator.comparing(Waiting::arrivedAt).thenComparingLong(Waiting::callId);

  /**
   * Higher priority first, then the oldest head; heads are distinct calls, so the order is total.
   */
  private static final Comparator<Line> SERVICE_ORDER =
      Comparator.comparingInt((Line line) -> line.priority)
          .reversed()
          .thenComparing(line -> line.head, ARRIVAL);

  /**
   * A group as routing sees it. While it sits in {@code ready}, its priority and head must not
   * change, since they are its sort key there: every change withdraws it first and lists it again.
   */
  private static final class Line {
    int priority;
    RoutingStrategy strategy = RoutingStrategy.LONGEST_IDLE;
    final TreeSet<Waiting> calls = new TreeSet<>(ARRIVAL);
    TreeSet<Candidate> agents = new TreeSet<>(AgentChoice.of(strategy));
    Waiting head;
    boolean listed;

    /** Connected agents who take its calls, eligible or not. */
    int seated;
  }

  /**
   * An agent as routing sees it. While eligible, {@code listed[i]} is its entry in the agents of
   * {@code lines[i]}; entries are immutable, so any change to what strategies compare replaces
   * them.
   */
  private static final class Seat {
    final long id;
    Line[] lines = new Line[0];
    int[] levels = new int[0];
    Candidate[] listed = new Candidate[0];
    boolean eligible;
    Instant idleSince = Instant.EPOCH;
    int callsToday;
    long lastOffer;

    Seat(long id) {
      this.id = id;
    }
  }

  private final Map<Long, Line> lines = new HashMap<>();
  private final Map<Long, Waiting> waitingById = new HashMap<>();
  private final Map<Long, Seat> seats = new HashMap<>();
  private final TreeSet<Line> ready = new TreeSet<>(SERVICE_ORDER);
  private long offers;

  /** A group's priority (higher first) and strategy; groups default to 0 and longest idle. */
  public void configureGroup(long groupId, int priority, RoutingStrategy strategy) {
    Line line = lineOf(groupId);
    if (line.priority == priority && line.strategy == strategy) {
      return;
    }
    withdraw(line);
    line.priority = priority;
    if (line.strategy != strategy) {
      TreeSet<Candidate> reordered = new TreeSet<>(AgentChoice.of(strategy));
      reordered.addAll(line.agents);
      line.strategy = strategy;
      line.agents = reordered;
    }
    list(line);
  }

  // ------------------------------------------------------------------ calls

  /**
   * A call waits in its group, in the place its arrival time gives it: a call that rang unanswered
   * and comes back with its first arrival time goes back to the head of its queue (SPEC C2).
   */
  public void enqueue(long callId, long groupId, Instant arrivedAt) {
    remove(callId);
    Line line = lineOf(groupId);
    Waiting waiting = new Waiting(callId, arrivedAt, line);
    withdraw(line);
    line.calls.add(waiting);
    list(line);
    waitingById.put(callId, waiting);
  }

  /** The call left its queue (abandoned, or taken out by its owner). */
  public void remove(long callId) {
    Waiting waiting = waitingById.remove(callId);
    if (waiting != null) {
      Line line = waiting.line();
      withdraw(line);
      line.calls.remove(waiting);
      list(line);
    }
  }

  public int waiting() {
    return waitingById.size();
  }

  /** Calls waiting in the group's queue. */
  public int waiting(long groupId) {
    Line line = lines.get(groupId);
    return line == null ? 0 : line.calls.size();
  }

  /** The calls waiting in the group's queue, first arrived first. */
  public List<Long> waitingCalls(long groupId) {
    Line line = lines.get(groupId);
    return line == null ? List.of() : line.calls.stream().map(Waiting::callId).toList();
  }

  /** Whether any connected agent takes the group's calls, be it free or not. */
  public boolean staffed(long groupId) {
    Line line = lines.get(groupId);
    return line != null && line.seated > 0;
  }

  // ------------------------------------------------------------------ agents

  /** The agent's inbound groups, with its proficiency (1-10) in each. */
  public void seat(long agentId, Map<Long, Integer> inboundLevels) {
    Seat seat = seats.computeIfAbsent(agentId, Seat::new);
    boolean eligible = seat.eligible;
    markIneligible(seat);
    unseatLines(seat);
    int size = inboundLevels.size();
    seat.lines = new Line[size];
    seat.levels = new int[size];
    seat.listed = new Candidate[size];
    int i = 0;
    for (Map.Entry<Long, Integer> membership : inboundLevels.entrySet()) {
      seat.lines[i] = lineOf(membership.getKey());
      seat.levels[i] = membership.getValue();
      seat.lines[i].seated++;
      i++;
    }
    if (eligible) {
      markEligible(seat, seat.idleSince);
    }
  }

  public void unseat(long agentId) {
    Seat seat = seats.remove(agentId);
    if (seat != null) {
      markIneligible(seat);
      unseatLines(seat);
    }
  }

  private static void unseatLines(Seat seat) {
    for (Line line : seat.lines) {
      line.seated--;
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
    if (!eligible) {
      markIneligible(seat);
    } else if (!seat.eligible || !seat.idleSince.equals(idleSince)) {
      // The engine reports after every state change; most of them change nothing here.
      markIneligible(seat);
      markEligible(seat, idleSince);
    }
  }

  /** How many calls the agent answered today, for the fewest-calls strategy. */
  public void callsToday(long agentId, int calls) {
    Seat seat = seats.get(agentId);
    if (seat != null) {
      boolean eligible = seat.eligible;
      markIneligible(seat);
      seat.callsToday = calls;
      if (eligible) {
        markEligible(seat, seat.idleSince);
      }
    }
  }

  /** The agent answered a call: one more for the fewest-calls strategy. */
  public void answered(long agentId) {
    Seat seat = seats.get(agentId);
    if (seat != null) {
      callsToday(agentId, seat.callsToday + 1);
    }
  }

  private void markEligible(Seat seat, Instant idleSince) {
    seat.eligible = true;
    seat.idleSince = idleSince;
    for (int i = 0; i < seat.lines.length; i++) {
      Line line = seat.lines[i];
      Candidate candidate =
          new Candidate(seat.id, idleSince, seat.callsToday, seat.levels[i], seat.lastOffer);
      seat.listed[i] = candidate;
      line.agents.add(candidate);
      // An agent arriving changes neither the priority nor the head: only whether it is ready.
      list(line);
    }
  }

  private void markIneligible(Seat seat) {
    if (!seat.eligible) {
      return;
    }
    seat.eligible = false;
    for (int i = 0; i < seat.lines.length; i++) {
      Line line = seat.lines[i];
      line.agents.remove(seat.listed[i]);
      seat.listed[i] = null;
      if (line.agents.isEmpty()) {
        withdraw(line);
      }
    }
  }

  // ------------------------------------------------------------------ decisions

  /**
   * The next pairing, taken out of the books: the call leaves its queue and the agent is no longer
   * eligible. Empty when no waiting call has an eligible agent.
   */
  public Optional<Offer> next() {
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    Line line = ready.first();
    Waiting call = line.head;
    Seat chosen = seats.get(line.agents.first().agentId());
    remove(call.callId());
    markIneligible(chosen);
    chosen.lastOffer = ++offers;
    return Optional.of(new Offer(call.callId(), chosen.id));
  }

  /**
   * The eligible agents the group would be offered first, best first, without deciding anything:
   * what the next offers will most likely need.
   */
  public List<Long> preferredAgents(long groupId, int count) {
    Line line = lines.get(groupId);
    if (line == null) {
      return List.of();
    }
    return line.agents.stream().limit(count).map(Candidate::agentId).toList();
  }

  private Line lineOf(long groupId) {
    return lines.computeIfAbsent(groupId, g -> new Line());
  }

  private void list(Line line) {
    if (!line.listed && !line.calls.isEmpty() && !line.agents.isEmpty()) {
      line.head = line.calls.first();
      ready.add(line);
      line.listed = true;
    }
  }

  private void withdraw(Line line) {
    if (line.listed) {
      ready.remove(line);
      line.listed = false;
    }
  }
}
