package org.relais.web.it;

import java.util.Arrays;

/** Figures read from the Prometheus text of {@code /metrics}. */
final class Prometheus {

  private Prometheus() {}

  /**
   * The value of the metric's one series that carries the labels ({@code name="value"}); null if
   * there is none.
   */
  static Double metric(String metrics, String name, String... labels) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(null);
  }
}
