package org.relais.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures what open banners cost the server. Opens the banners of a fresh account's agents, each
 * in a session of its own, and has every banner read its live parts again, one request after the
 * other, as a push makes it: first its whole desk (its own agent changed), then its queues and team
 * alone (another agent or a caller did). Reports the refreshes per second, their latency and the
 * processor time each took outside the driver, the machine's other processes included.
 *
 * <p>Usage: {@code java -cp load.jar org.relais.bench.BannerDriver <base-url> <operator-password>
 * <banners> <seconds>}
 */
public final class BannerDriver {

  /** Refreshes before the measured ones, so that the server runs compiled code. */
  private static final int WARM_UP_SECONDS = 10;

  private final List<FacesBanner> banners;

  private BannerDriver(List<FacesBanner> banners) {
    this.banners = banners;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: java -cp load.jar org.relais.bench.BannerDriver <base-url> <operator-password> <banners> <seconds>");
      System.exit(2);
    }
    ApiClient api = new ApiClient(args[0]);
    int count = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    LoadAccount account = LoadAccount.create(api, args[1], count, 50);
    BannerDriver driver = new BannerDriver(open(api, account));
    for (FacesBanner.Part part : FacesBanner.Part.values()) {
      driver.refreshFor(part, WARM_UP_SECONDS);
      driver.refreshFor(part, seconds).print(part);
    }
    System.exit(0);
  }

  private static List<FacesBanner> open(ApiClient api, LoadAccount account) throws Exception {
    ExecutorService opening = Executors.newFixedThreadPool(8);
    List<Future<FacesBanner>> opened = new ArrayList<>();
    for (int i = 0; i < account.agents(); i++) {
      String login = account.login(i);
      opened.add(opening.submit(
          () -> FacesBanner.open(api.base(), account.name(), login, LoadAccount.AGENT_PASSWORD)));
    }
    List<FacesBanner> banners = new ArrayList<>();
    for (Future<FacesBanner> banner : opened) {
      banners.add(banner.get());
    }
    opening.shutdown();
    System.out.printf("%d banners open, %d agents in their team%n", banners.size(), account.agents());
    return banners;
  }

  private Run refreshFor(FacesBanner.Part part, int seconds) throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(banners.size());
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    Optional<MachineCpu> machineBefore = MachineCpu.read();
    long driverBefore = driverCpuNanos();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (FacesBanner banner : banners) {
      readers.submit(() -> {
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          try {
            if (banner.refresh(part)) {
              latencies.add(System.nanoTime() - sent);
              continue;
            }
          } catch (Exception e) {
            // counted below
          }
          failed.incrementAndGet();
        }
        return null;
      });
    }
    readers.shutdown();
    readers.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double driverCores = (driverCpuNanos() - driverBefore) / 1e9 / elapsed;
    Optional<Double> machineCores = MachineCpu.read()
        .flatMap(after -> machineBefore.map(after::coresBusySince));
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Run(sorted, failed.get(), elapsed, machineCores, driverCores);
  }

  private static long driverCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One measured run of one part. */
  private record Run(
      List<Long> sortedLatencies, int failed, double seconds, Optional<Double> machineCores, double driverCores) {

    void print(FacesBanner.Part part) {
      int done = sortedLatencies.size();
      System.out.printf("%s: %d refreshes (%d failed) in %.1f s, %.0f/s; latency p50 %.1f ms, p99 %.1f ms%n",
          part, done, failed, seconds, done / seconds,
          Latencies.percentile(sortedLatencies, 50), Latencies.percentile(sortedLatencies, 99));
      machineCores.ifPresent(cores -> System.out.printf(
          "  machine busy %.2f cores, driver %.2f: %.1f ms of processor time per refresh outside the driver%n",
          cores, driverCores, (cores - driverCores) * seconds * 1000 / Math.max(1, done)));
    }
  }
}
