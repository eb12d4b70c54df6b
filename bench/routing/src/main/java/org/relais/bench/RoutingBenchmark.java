package org.relais.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.relais.group.RoutingStrategy;
import org.relais.routing.Router;
import org.relais.routing.Router.Offer;

/**
 * One routing decision of a busy account: 1,000 connected agents, each inbound in 5 of 100
 * groups (the four strategies and five priorities spread among the groups), 10,000 waiting calls.
 * Each invocation takes the next pairing and then puts the floor back as it was (the call waits
 * again, the agent is idle again), so that every decision is made on the same load.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

  @Param("1000")
  int agents;

  @Param("100")
  int groups;

  @Param("10000")
  int waitingCalls;

  private Router router;
  private final Map<Long, Long> groupOfCall = new HashMap<>();
  private final Map<Long, Instant> arrivalOfCall = new HashMap<>();
  private Instant clock = Instant.parse("2026-11-23T09:00:00Z");

  @Setup(Level.Trial)
  public void fillTheFloor() {
    Random random = new Random(42);
    router = new Router();
    RoutingStrategy[] strategies = RoutingStrategy.values();
    for (long g = 0; g < groups; g++) {
      router.configureGroup(g, (int) (g % 5), strategies[(int) (g % strategies.length)]);
    }
    for (long a = 0; a < agents; a++) {
      Map<Long, Integer> levels = new HashMap<>();
      while (levels.size() < 5) {
        levels.put((long) random.nextInt(groups), 1 + random.nextInt(10));
      }
      router.seat(a, levels);
      router.callsToday(a, random.nextInt(40));
      router.eligibility(a, true, clock.minusSeconds(random.nextInt(3600)));
    }
    // Agents are all busy while the calls arrive, so that the calls stay queued.
    for (long a = 0; a < agents; a++) {
      router.eligibility(a, false, clock);
    }
    for (long c = 0; c < waitingCalls; c++) {
      long group = random.nextInt(groups);
      Instant arrival = clock.minusMillis(random.nextInt(600_000));
      router.enqueue(c, group, arrival);
      groupOfCall.put(c, group);
      arrivalOfCall.put(c, arrival);
    }
    for (long a = 0; a < agents; a++) {
      router.eligibility(a, true, clock.minusSeconds(random.nextInt(3600)));
    }
  }

  @Benchmark
  public Offer decide() {
    Offer offer = router.next().orElseThrow();
    clock = clock.plusMillis(1);
    router.enqueue(offer.callId(), groupOfCall.get(offer.callId()), arrivalOfCall.get(offer.callId()));
    router.eligibility(offer.agentId(), true, clock);
    return offer;
  }
}
