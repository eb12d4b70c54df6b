package org.relais.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * {@link Meters} in Micrometer's registry, which WildFly's {@code micrometer} subsystem gives the
 * application and serves in Prometheus's format where its Prometheus registry is added
 * (wildfly-config's script: {@code /metrics} on the management port). Its naming gives the same
 * names as MicroProfile Metrics: {@code _total} for counters, {@code _seconds} for times. A server
 * without Micrometer has no bean of this class: its class does not even load there.
 */
@ApplicationScoped
@Typed(MicrometerMeters.class)
public class MicrometerMeters implements Meters {

  @Inject MeterRegistry registry;

  @Override
  public LongConsumer counter(String name, String description, Map<String, String> labels) {
    Counter counter =
        Counter.builder(name).description(description).tags(tags(labels)).register(registry);
    return counter::increment;
  }

  @Override
  public Consumer<Duration> timer(String name, String description, Map<String, String> labels) {
    Timer timer =
        Timer.builder(name).description(description).tags(tags(labels)).register(registry);
    return timer::record;
  }

  @Override
  public void gauge(
      String name,
      String description,
      Unit unit,
      Supplier<? extends Number> value,
      Map<String, String> labels) {
    Supplier<Number> reading = value::get;
    Gauge.Builder<Supplier<Number>> gauge =
        Gauge.builder(name, reading).description(description).tags(tags(labels));
    if (unit == Unit.SECONDS) {
      gauge.baseUnit("seconds");
    }
    gauge.register(registry);
  }

  private static Tags tags(Map<String, String> labels) {
    Tags tags = Tags.empty();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      tags = tags.and(label.getKey(), label.getValue());
    }
    return tags;
  }
}
