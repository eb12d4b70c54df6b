package org.relais.bench;

import java.util.List;

/** Percentiles of latencies measured in nanoseconds, in milliseconds. */
final class Latencies {

  private Latencies() {}

  static double percentile(List<Long> sortedNanos, int p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
  }
}
