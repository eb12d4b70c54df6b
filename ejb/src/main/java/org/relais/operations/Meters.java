package org.relais.operations;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Where Relais's figures go for {@code /metrics}, whichever metrics library the server gives:
 * MicroProfile Metrics on Payara ({@link MicroProfileMeters}), Micrometer on WildFly ({@link
 * MicrometerMeters}), nothing on a server with neither ({@link #NONE}). Both write the same
 * Prometheus names: a counter {@code name_total}, a timer {@code name_seconds_count} and {@code
 * _sum}, a gauge {@code name} ({@code name_seconds} in seconds). {@link MetersProducer} picks one.
 */
public interface Meters {

  /** What a gauge's value counts in. */
  enum Unit {
    NONE,
    SECONDS
  }

  /**
   * A counter, named without its {@code _total}.
   *
   * @return how to add to it
   */
  LongConsumer counter(String name, String description, Map<String, String> labels);

  /**
   * A timer, in seconds.
   *
   * @return how to record one duration
   */
  Consumer<Duration> timer(String name, String description, Map<String, String> labels);

  /** A gauge, whose value {@code value} reads when it is scraped. */
  void gauge(
      String name,
      String description,
      Unit unit,
      Supplier<? extends Number> value,
      Map<String, String> labels);

  /** A server without metrics: nothing is counted. */
  Meters NONE =
      new Meters() {
        @Override
        public LongConsumer counter(String name, String description, Map<String, String> labels) {
          return added -> {};
        }

        @Override
        public Consumer<Duration> timer(
            String name, String description, Map<String, String> labels) {
          return duration -> {};
        }

        @Override
        public void gauge(
            String name,
            String description,
            Unit unit,
            Supplier<? extends Number> value,
            Map<String, String> labels) {}
      };
}
