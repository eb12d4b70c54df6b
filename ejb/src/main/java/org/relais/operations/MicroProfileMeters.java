package org.relais.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@link Meters} in MicroProfile Metrics' registry (Payara's {@code /metrics}). A server without
 * MicroProfile Metrics has no bean of this class: its class does not even load there.
 */
@ApplicationScoped
@Typed(MicroProfileMeters.class)
public class MicroProfileMeters implements Meters {

  @Inject MetricRegistry registry;

  @Override
  public LongConsumer counter(String name, String description, Map<String, String> labels) {
    Counter counter = registry.counter(metadata(name, description, MetricUnits.NONE), tags(labels));
    return counter::inc;
  }

  @Override
  public Consumer<Duration> timer(String name, String description, Map<String, String> labels) {
    Timer timer = registry.timer(metadata(name, description, MetricUnits.SECONDS), tags(labels));
    return timer::update;
  }

  @Override
  public void gauge(
      String name,
      String description,
      Unit unit,
      Supplier<? extends Number> value,
      Map<String, String> labels) {
    String units = unit == Unit.SECONDS ? MetricUnits.SECONDS : MetricUnits.NONE;
    registry.gauge(metadata(name, description, units), value::get, tags(labels));
  }

  private static Metadata metadata(String name, String description, String unit) {
    return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
  }

  private static Tag[] tags(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(label -> new Tag(label.getKey(), label.getValue()))
        .toArray(Tag[]::new);
  }
}
