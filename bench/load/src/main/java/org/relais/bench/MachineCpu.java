package org.relais.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How busy the machine's processors were between two readings (Linux's /proc/stat): latency
 * figures read differently on a machine that had cores to spare and on one that had none, which is
 * what a run whose driver shares the server's machine needs to say.
 */
final class MachineCpu {

  private static final Path STAT = Path.of("/proc/stat");

  private final long busy;
  private final long total;

  private MachineCpu(long busy, long total) {
    this.busy = busy;
    this.total = total;
  }

  /** The counters now, or nothing where the system does not publish them. */
  static Optional<MachineCpu> read() {
    try {
      String first = Files.readAllLines(STAT).get(0); // "cpu  user nice system idle iowait ..."
      long[] ticks =
          Arrays.stream(first.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
      long idle = ticks[3] + ticks[4];
      long total = Arrays.stream(ticks, 0, Math.min(ticks.length, 8)).sum();
      return Optional.of(new MachineCpu(total - idle, total));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Cores kept busy on average since {@code earlier}, by every process of the machine. */
  double coresBusySince(MachineCpu earlier) {
    long elapsed = total - earlier.total;
    int cores = Runtime.getRuntime().availableProcessors();
    return elapsed == 0 ? 0 : cores * (double) (busy - earlier.busy) / elapsed;
  }
}
