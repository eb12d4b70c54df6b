package org.relais.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * {@link Meters} in Micrometer's registry, which WildFly's {@code micrometer} subsystem gives the
 * application and serves in Prometheus's format where its Prometheus registry is added
 * (wildfly-config's script: {@code /metrics} on the management port). Its naming gives the same
 * names as MicroProfile Metrics: {@code _total} for counters, {@code _seconds} for times. A server
 * without Micrometer has no bean of this class: its class does not even load there.
 *
 * <p>Meters are made with the registry's own methods, not Micrometer's builders: WildFly 39's
 * registry for an application keeps what builders register to itself, and never shows it
 * (WFLY-21339). Those methods take no description, and a gauge no unit: a gauge in seconds says so
 * in its name.
 */
@ApplicationScoped
@Typed(MicrometerMeters.class)
public class MicrometerMeters implements Meters {

  @Inject MeterRegistry registry;

  /** The gauges' readings: Micrometer holds a gauge's object weakly, and would lose them. */
  private final List<Supplier<? extends Number>> readings = new CopyOnWriteArrayList<>();

  @Override
  public LongConsumer counter(String name, String description, Map<String, String> labels) {
    Counter counter = registry.counter(name, tags(labels));
    return counter::increment;
  }

  @Override
  public Consumer<Duration> timer(String name, String description, Map<String, String> labels) {
    Timer timer = registry.timer(name, tags(labels));
    return timer::record;
  }

  @Override
  public void gauge(
      String name,
      String description,
      Unit unit,
      Supplier<? extends Number> value,
      Map<String, String> labels) {
    readings.add(value);
    registry.gauge(
        unit == Unit.SECONDS ? name + "_seconds" : name,
        tags(labels),
        value,
        reading -> reading.get().doubleValue());
  }

  private static Tags tags(Map<String, String> labels) {
    Tags tags = Tags.empty();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      tags = tags.and(label.getKey(), label.getValue());
    }
    return tags;
  }
}
