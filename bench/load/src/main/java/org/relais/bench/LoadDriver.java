package org.relais.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running Relais end to end through its API and simulated switch: creates an account
 * with one group and agents whose phones answer and hang up by themselves, places calls at a
 * target rate for a while, and measures from the event stream how long each call took from its
 * arrival request to its offer to an agent.
 *
 * <p>Usage: {@code java -jar load.jar <base-url> <operator-password> <calls-per-second>
 * <seconds> [agents] [talk-ms]}
 */
public final class LoadDriver {

  /** The target's p99: an offer later than this is slow. */
  private static final long SLOW = TimeUnit.MILLISECONDS.toNanos(25);
  private static final long QUARTER_SECOND = TimeUnit.MILLISECONDS.toNanos(250);
  private static final Pattern CALL_ID = Pattern.compile("\"callId\"\\s*:\\s*\"?(\\d+)");

  private final ApiClient api;

  private LoadDriver(String base) {
    this.api = new ApiClient(base);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: java -jar load.jar <base-url> <operator-password> <calls-per-second> <seconds> [agents] [talk-ms]");
      System.exit(2);
    }
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int agents = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    int talkMs = args.length > 5 ? Integer.parseInt(args[5]) : 50;
    new LoadDriver(args[0]).run(args[1], rate, seconds, agents, talkMs);
  }

  private void run(String operatorPassword, int rate, int seconds, int agents, int talkMs)
      throws Exception {
    LoadAccount account = LoadAccount.create(api, operatorPassword, agents, talkMs);
    String admin = account.admin();

    Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    Map<String, Long> offeredAt = new ConcurrentHashMap<>();
    List<Long> answerLatencies = Collections.synchronizedList(new ArrayList<>());
    Thread events = streamOffers(admin, offeredAt);

    System.out.printf("placing %d calls/s for %d s%n", rate, seconds);
    AtomicInteger failed = new AtomicInteger();
    Optional<MachineCpu> cpuBefore = MachineCpu.read();
    long start = System.nanoTime();
    int total = rate * seconds;
    // Latency counts from when the call was due, not from when a worker got to it: a driver or a
    // server that falls behind shows in the figures instead of hiding in a queue.
    int failedRequests = new CallPlacer(api.base(), ApiClient.basic(admin, LoadAccount.ADMIN_PASSWORD))
        .place(rate, seconds, (reply, due) -> {
          Matcher m = CALL_ID.matcher(reply.body());
          if (reply.status() == 201 && m.find()) {
            answerLatencies.add(System.nanoTime() - due);
            arrivedAt.put(m.group(1), due);
          } else {
            failed.incrementAndGet();
          }
        });
    failed.addAndGet(failedRequests);
    double placing = (System.nanoTime() - start) / 1e9;
    Optional<MachineCpu> cpuAfter = MachineCpu.read();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (offeredAt.keySet().containsAll(arrivedAt.keySet()) == false && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    events.interrupt();

    List<Long> latencies = new ArrayList<>();
    // Where the slow offers fall: spread over the run (the server keeps up slowly) or bunched in
    // a few quarter-seconds (it stalls now and then).
    Set<Long> slowQuarters = new HashSet<>();
    int slow = 0;
    for (Map.Entry<String, Long> e : arrivedAt.entrySet()) {
      Long offered = offeredAt.get(e.getKey());
      if (offered != null) {
        long latency = offered - e.getValue();
        latencies.add(latency);
        if (latency > SLOW) {
          slow++;
          slowQuarters.add((e.getValue() - start) / QUARTER_SECOND);
        }
      }
    }
    Collections.sort(latencies);
    System.out.printf(
        "calls accepted %d of %d (%d failed) in %.1f s: %.0f calls/s sustained%n",
        arrivedAt.size(), total, failed.get(), placing, arrivedAt.size() / placing);
    List<Long> answers = new ArrayList<>(answerLatencies);
    Collections.sort(answers);
    System.out.printf("arrival -> 201 answer (the call committed) p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        Latencies.percentile(answers, 50), Latencies.percentile(answers, 99), Latencies.percentile(answers, 100));
    System.out.printf("offered %d; arrival -> offer latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        latencies.size(), Latencies.percentile(latencies, 50), Latencies.percentile(latencies, 99), Latencies.percentile(latencies, 100));
    System.out.printf("offers later than %d ms: %d, due in %d of the run's %d quarter-seconds%n",
        TimeUnit.NANOSECONDS.toMillis(SLOW), slow, slowQuarters.size(), seconds * 4);
    if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
      System.out.printf("machine busy while placing: %.2f of %d cores (every process, driver included)%n",
          cpuAfter.get().coresBusySince(cpuBefore.get()), Runtime.getRuntime().availableProcessors());
    }
    System.exit(0);
  }

  /** Follows the event stream and notes when each call was offered. */
  private Thread streamOffers(String user, Map<String, Long> offeredAt) throws Exception {
    return EventStream.follow(api, user, LoadAccount.ADMIN_PASSWORD, line -> {
      if (line.startsWith("data:") && line.contains("\"CALL_OFFERED\"")) {
        Matcher m = CALL_ID.matcher(line);
        if (m.find()) {
          offeredAt.putIfAbsent(m.group(1), System.nanoTime());
        }
      }
    });
  }
}
