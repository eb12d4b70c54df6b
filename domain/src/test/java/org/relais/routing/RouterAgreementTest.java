package org.relais.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.relais.group.RoutingStrategy;
import org.relais.routing.Router.Offer;

/**
 * The router keeps sorted indexes for speed; this test holds it to the plain rule of SPEC C4,
 * written as a scan over every call and every agent, on a long seeded mix of operations.
 */
class RouterAgreementTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final int GROUPS = 6;
  private static final int AGENTS = 25;

  @Test
  void decidesLikeAFullScanOverThousandsOfRandomOperations() {
    Random random = new Random(20261123);
    Router router = new Router();
    FullScan scan = new FullScan();
    long nextCall = 1;
    int decisions = 0;

    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(100);
      long agent = random.nextInt(AGENTS);
      long group = random.nextInt(GROUPS);
      Instant at = T0.plusSeconds(random.nextInt(3600));
      if (op < 25) {
        // Sometimes an existing call comes back to its queue, as after a ring timeout.
        long call =
            random.nextInt(4) == 0 && nextCall > 1
                ? 1 + random.nextInt((int) nextCall - 1)
                : nextCall++;
        router.enqueue(call, group, at);
        scan.enqueue(call, group, at);
      } else if (op < 30) {
        long call = 1 + random.nextInt((int) nextCall);
        router.remove(call);
        scan.calls.remove(call);
      } else if (op < 36) {
        Map<Long, Integer> levels = new HashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          levels.put((long) random.nextInt(GROUPS), 1 + random.nextInt(10));
        }
        router.seat(agent, levels);
        scan.seat(agent, levels);
      } else if (op < 38) {
        router.unseat(agent);
        scan.seats.remove(agent);
      } else if (op < 62) {
        boolean eligible = random.nextInt(3) > 0;
        router.eligibility(agent, eligible, at);
        scan.eligibility(agent, eligible, at);
      } else if (op < 66) {
        int calls = random.nextInt(5);
        router.callsToday(agent, calls);
        scan.callsToday(agent, calls);
      } else if (op < 70) {
        router.answered(agent);
        scan.answered(agent);
      } else if (op < 72) {
        int priority = random.nextInt(3);
        RoutingStrategy strategy =
            RoutingStrategy.values()[random.nextInt(RoutingStrategy.values().length)];
        router.configureGroup(group, priority, strategy);
        scan.configureGroup(group, priority, strategy);
      } else {
        Optional<Offer> expected = scan.next();
        assertThat(router.next()).as("step " + step).isEqualTo(expected);
        decisions += expected.isPresent() ? 1 : 0;
      }
      assertThat(router.waiting()).isEqualTo(scan.calls.size());
    }

    assertThat(decisions).as("offers actually made").isGreaterThan(1_000);
  }

  /** SPEC C4 read literally: look at every waiting call and every agent. */
  private static final class FullScan {

    record Call(long id, long group, Instant arrivedAt) {}

    static final class Agent {
      final long id;
      Map<Long, Integer> levels = Map.of();
      boolean eligible;
      Instant idleSince = Instant.EPOCH;
      int callsToday;
      long lastOffer;

      Agent(long id) {
        this.id = id;
      }
    }

    final Map<Long, Call> calls = new HashMap<>();
    final Map<Long, Agent> seats = new HashMap<>();
    final Map<Long, Integer> priorities = new HashMap<>();
    final Map<Long, RoutingStrategy> strategies = new HashMap<>();
    long offers;

    void enqueue(long id, long group, Instant at) {
      calls.put(id, new Call(id, group, at));
    }

    void seat(long id, Map<Long, Integer> levels) {
      seats.computeIfAbsent(id, Agent::new).levels = Map.copyOf(levels);
    }

    void eligibility(long id, boolean eligible, Instant at) {
      Agent agent = seats.get(id);
      if (agent != null) {
        agent.eligible = eligible;
        if (eligible) {
          agent.idleSince = at;
        }
      }
    }

    void callsToday(long id, int calls) {
      Agent agent = seats.get(id);
      if (agent != null) {
        agent.callsToday = calls;
      }
    }

    void answered(long id) {
      Agent agent = seats.get(id);
      if (agent != null) {
        agent.callsToday++;
      }
    }

    void configureGroup(long group, int priority, RoutingStrategy strategy) {
      priorities.put(group, priority);
      strategies.put(group, strategy);
    }

    Optional<Offer> next() {
      Call best = null;
      for (Call call : calls.values()) {
        if (candidates(call.group()).isEmpty()) {
          continue;
        }
        if (best == null || serveBefore(call, best)) {
          best = call;
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      Candidate chosen =
          candidates(best.group()).stream()
              .min(
                  AgentChoice.of(
                      strategies.getOrDefault(best.group(), RoutingStrategy.LONGEST_IDLE)))
              .orElseThrow();
      calls.remove(best.id());
      Agent agent = seats.get(chosen.agentId());
      agent.eligible = false;
      agent.lastOffer = ++offers;
      return Optional.of(new Offer(best.id(), agent.id));
    }

    private boolean serveBefore(Call a, Call b) {
      int pa = priorities.getOrDefault(a.group(), 0);
      int pb = priorities.getOrDefault(b.group(), 0);
      if (pa != pb) {
        return pa > pb;
      }
      return Comparator.comparing(Call::arrivedAt).thenComparingLong(Call::id).compare(a, b) < 0;
    }

    private List<Candidate> candidates(long group) {
      List<Candidate> found = new ArrayList<>();
      for (Agent agent : seats.values()) {
        Integer level = agent.levels.get(group);
        if (agent.eligible && level != null) {
          found.add(
              new Candidate(agent.id, agent.idleSince, agent.callsToday, level, agent.lastOffer));
        }
      }
      return found;
    }
  }
}
